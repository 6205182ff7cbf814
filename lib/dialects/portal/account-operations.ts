import { defineOperation } from "@/lib/http/operation";
import {
  accountCreatedOutput,
  completeSignupInput,
  linkSentOutput,
  passwordResetOutput,
  passwordResetRequestInput,
  resetPasswordInput,
  signupRequestInput,
} from "@/lib/identity/schemas";
import { portalDialect } from "./errors";

const dialect = portalDialect;
const tags = ["Accounts"];

export const requestSignupOperation = defineOperation({
  method: "POST",
  path: "/api/account/signup",
  dialect,
  summary:
    "Ask for an account (PORTICO_SIGNUP=open): the address gets a link to finish; the same 202 whether or not it has an account",
  tags,
  auth: "none",
  body: signupRequestInput,
  response: linkSentOutput,
  successStatus: 202,
});
export const completeSignupOperation = defineOperation({
  method: "POST",
  path: "/api/account/signup/complete",
  dialect,
  summary: "Finish signing up with the e-mailed link's token: choose a username and password; the account is made",
  tags,
  auth: "none",
  body: completeSignupInput,
  response: accountCreatedOutput,
  successStatus: 201,
});
export const requestPasswordResetOperation = defineOperation({
  method: "POST",
  path: "/api/account/password-reset",
  dialect,
  summary:
    "Forgot password: e-mails a single-use link (one hour); the same 202 whether or not the address has an account",
  tags,
  auth: "none",
  body: passwordResetRequestInput,
  response: linkSentOutput,
  successStatus: 202,
});
export const resetPasswordOperation = defineOperation({
  method: "POST",
  path: "/api/account/password-reset/complete",
  dialect,
  summary: "Choose a new password with the e-mailed link's token; ends every session of the account",
  tags,
  auth: "none",
  body: resetPasswordInput,
  response: passwordResetOutput,
});

export const accountPortalOperations = [
  requestSignupOperation,
  completeSignupOperation,
  requestPasswordResetOperation,
  resetPasswordOperation,
];
