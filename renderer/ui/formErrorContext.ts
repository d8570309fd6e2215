import { createContext } from 'react';

/** A form's last failure: a message, and the API field it is about when it is about one. */
export type FormError = { message: string; field?: string };

/** Lets each <Field name=…> of a form show the error that is about it. */
export const FormErrorContext = createContext<FormError | null>(null);
