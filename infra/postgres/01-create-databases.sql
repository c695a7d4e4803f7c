-- Runs once, when the compose Postgres container starts on an empty volume
-- (mounted into /docker-entrypoint-initdb.d). The services create and migrate their own
-- schemas inside `azotte`; `azotte_test` is for running the tests against this server.
CREATE DATABASE azotte;
CREATE DATABASE azotte_test;
