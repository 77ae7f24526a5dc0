import { roleLabels, staffRoles } from '../../../domain/auth';

export const roleOptions = staffRoles.map((role) => ({ value: role, label: roleLabels[role] }));
