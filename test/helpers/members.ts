/** The partnership members the feature suites act as, each with a Teams and an Azure AD id. */
export const CHAIR = {
  userId: '29:1chair-harry',
  userName: 'Harry Hill',
  aadObjectId: '1a1a1a1a-2b2b-4c3c-8d4d-5e5e5e5e5e5e',
};
export const SECRETARIAT = {
  userId: '29:1sec-anna',
  userName: 'Anna Taylor',
  aadObjectId: '2b2b2b2b-3c3c-4d4d-8e5e-6f6f6f6f6f6f',
};
export const OFFICER = {
  userId: '29:1officer-sam',
  userName: 'Sam Officer',
  aadObjectId: '3c3c3c3c-4d4d-4e5e-8f6f-7a7a7a7a7a7a',
};
