ALTER TABLE invoices ADD COLUMN status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'sent', 'paid', 'void'));
