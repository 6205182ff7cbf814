import bcrypt from "bcryptjs";

const ROUNDS = Number(process.env.PORTICO_BCRYPT_ROUNDS || 11);

export const hashPassword = (plain: string) => bcrypt.hash(plain, ROUNDS);
export const verifyPassword = (plain: string, hash: string) => bcrypt.compare(plain, hash);

// Compared against when the account does not exist, so timing does not reveal which logins exist.
const DUMMY_HASH = bcrypt.hashSync("portico-dummy-password", 4);
export const burnPasswordCheck = (plain: string) => bcrypt.compare(plain, DUMMY_HASH);
