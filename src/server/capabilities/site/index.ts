/** The public education site and its enquiry (consultation request) inbox. */
export { enquiryRoutes } from './enquiries.routes.js';
export { mountSite } from './mount-site.js';
export { assertEnquiryRegistrable, linkEnquiryToPatient } from './enquiry-registration.js';
