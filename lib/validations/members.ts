import { z } from "zod";
import { roles } from "@/lib/permissions";
import { emailInput } from "./auth";
import { idInput } from "./common";

export const addMemberInput = z.object({ workspaceId: idInput, email: emailInput, role: z.enum(roles) });
export const changeRoleInput = z.object({ workspaceId: idInput, membershipId: idInput, role: z.enum(roles) });
