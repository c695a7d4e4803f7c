import { createContext, useContext } from 'react';

/** Set by the storefront form when it only shows (a role that may not write, an archived storefront). */
export const ReadOnlyContext = createContext(false);
export const useReadOnly = () => useContext(ReadOnlyContext);
