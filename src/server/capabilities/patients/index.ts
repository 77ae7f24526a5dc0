/** The patient registry: demographics, care status, history of every change, search. */
export { patientRoutes } from './patients.routes.js';
export { createPatient, moveCareStatusInTransaction } from './patients.service.js';
