-- Billing managers can see invoices but not manage members.
-- NOTE: ALTER TYPE ... ADD VALUE cannot be used in the same transaction as the new value,
-- so nothing else goes in this file.

alter type public.member_role add value if not exists 'billing' after 'admin';
