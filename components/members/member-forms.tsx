"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { roles, type Role } from "@/lib/permissions";
import { addMemberAction } from "@/lib/server/actions/members/add-member";
import { changeRoleAction } from "@/lib/server/actions/members/change-role";

export function AddMemberForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setError(null);
    const result = await addMemberAction({ workspaceId, email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "") });
    if (!result.ok) return setError(result.message);
    formElement.reset();
    router.refresh();
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-2" aria-label="Add a member">
      <label className="sr-only" htmlFor="member-email">Email of an existing account</label>
      <Input id="member-email" name="email" type="email" placeholder="Email of an existing account" className="max-w-xs" required />
      <label className="sr-only" htmlFor="member-role">Role</label>
      <Select id="member-role" name="role" defaultValue="researcher" className="w-40">
        {roles.map((r) => <option key={r} value={r}>{r}</option>)}
      </Select>
      <Button type="submit">Add member</Button>
      {error ? <div className="w-full"><Alert>{error}</Alert></div> : null}
    </form>
  );
}

export function RoleSelect({ workspaceId, membershipId, role, label }: { workspaceId: string; membershipId: string; role: Role; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [value, setValue] = useState(role);
  async function onChange(next: Role) {
    setValue(next);
    setError(null);
    const result = await changeRoleAction({ workspaceId, membershipId, role: next });
    if (!result.ok) {
      setValue(role);
      return setError(result.message);
    }
    router.refresh();
  }
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Select aria-label={label} value={value} onChange={(e) => void onChange(e.target.value as Role)} className="w-36">
        {roles.map((r) => <option key={r} value={r}>{r}</option>)}
      </Select>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}
