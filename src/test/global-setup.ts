// Replaced by the database-backed global setup; pure tests need nothing.
export default async function setup(): Promise<void> {}
