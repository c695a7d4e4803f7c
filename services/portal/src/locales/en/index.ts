import { analytics } from './analytics';
import { app } from './app';
import { billing } from './billing';
import { campaigns } from './campaigns';
import { catalog } from './catalog';
import { common } from './common';
import { customers } from './customers';
import { dashboard } from './dashboard';
import { developers } from './developers';
import { settings } from './settings';
import { storefronts } from './storefronts';
import { tenants } from './tenants';
import { testClock } from './testClock';

/** Every text of the portal in English, one file per section. A translation is a folder beside this one with the same shape. */
export const en = { common, app, dashboard, analytics, customers, billing, catalog, storefronts, campaigns, settings, tenants, testClock, developers };

export type Messages = typeof en;
