import { TENANT_ROLES, roleLabel } from './roles';

/** The <option>s of a role <select>. */
export function RoleOptions() {
  return (
    <>
      {TENANT_ROLES.map((role) => (
        <option key={role} value={role}>
          {roleLabel(role)}
        </option>
      ))}
    </>
  );
}
