const storageKey = 'crm.token';

/** The bearer token of the signed-in user; sessionStorage, so it ends with the window. */
export const sessionToken = {
  get: (): string | null => sessionStorage.getItem(storageKey),
  set: (token: string) => sessionStorage.setItem(storageKey, token),
  clear: () => sessionStorage.removeItem(storageKey),
};
