/** The programme's registers (village households by year, enrolment targets): CSV checked whole, loaded as versions. */
export * from './register-csv';
export * from './register-store';
