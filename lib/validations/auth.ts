import { z } from "zod";

export const emailInput = z.string().trim().toLowerCase().email("Enter a valid email address.").max(254);
export const passwordInput = z.string().min(10, "Use at least 10 characters for the password.").max(200);

export const signUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: emailInput,
  password: passwordInput,
});
export const signInInput = z.object({ email: emailInput, password: z.string().min(1, "Enter your password.").max(200) });
