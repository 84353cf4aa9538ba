-- Tables equivalent to what crmsync stores per record (the raw payload plus
-- the typed customer / order / line / feedback columns and their indexes),
-- for the copy_reference and naive_insert cases of bench/run. Keyed like
-- crmsync's source_record: (stream, external id).
DROP TABLE IF EXISTS ref_order_line, ref_feedback, ref_sales_order, ref_customer;
CREATE TABLE ref_customer (
  source TEXT NOT NULL, external_id TEXT NOT NULL, kind TEXT NOT NULL, name TEXT, given_name TEXT,
  family_name TEXT, email TEXT, phone TEXT, company TEXT, street TEXT, city TEXT, postcode TEXT,
  country CHAR(2), tier TEXT, updated_at TIMESTAMPTZ, payload TEXT NOT NULL,
  PRIMARY KEY (source, external_id));
CREATE INDEX ix_ref_customer_email ON ref_customer (email);
CREATE INDEX ix_ref_customer_phone ON ref_customer (phone);
CREATE INDEX ix_ref_customer_name ON ref_customer (name);
CREATE TABLE ref_sales_order (
  source TEXT NOT NULL, external_id TEXT NOT NULL, customer_ref TEXT, order_number TEXT, status TEXT,
  ordered_at TIMESTAMPTZ, currency CHAR(3), total NUMERIC(18, 2), payload TEXT NOT NULL,
  PRIMARY KEY (source, external_id));
CREATE INDEX ix_ref_sales_order_customer_ref ON ref_sales_order (customer_ref);
CREATE INDEX ix_ref_sales_order_ordered_at ON ref_sales_order (ordered_at);
CREATE TABLE ref_order_line (
  source TEXT NOT NULL, order_external_id TEXT NOT NULL, line_no INTEGER NOT NULL, sku TEXT, description TEXT,
  quantity NUMERIC(18, 4) NOT NULL, unit_price NUMERIC(18, 2), line_total NUMERIC(18, 2),
  PRIMARY KEY (source, order_external_id, line_no));
CREATE TABLE ref_feedback (
  source TEXT NOT NULL, external_id TEXT NOT NULL, customer_ref TEXT, order_ref TEXT, kind TEXT NOT NULL,
  score INTEGER, comment TEXT, received_at TIMESTAMPTZ, payload TEXT NOT NULL,
  PRIMARY KEY (source, external_id));
CREATE INDEX ix_ref_feedback_customer_ref ON ref_feedback (customer_ref);
CREATE INDEX ix_ref_feedback_order_ref ON ref_feedback (order_ref);
