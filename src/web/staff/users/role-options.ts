import { roleLabels, staffRoles } from '../../../domain/auth/permissions';

export const roleOptions = staffRoles.map((role) => ({ value: role, label: roleLabels[role] }));
