-- The example ERP's tables (PostgreSQL).
CREATE TABLE IF NOT EXISTS sales (
    sku       VARCHAR(64) NOT NULL,
    sale_day  DATE        NOT NULL,
    units     NUMERIC(12, 3) NOT NULL CHECK (units >= 0),
    PRIMARY KEY (sku, sale_day)
);
CREATE TABLE IF NOT EXISTS stock (
    sku            VARCHAR(64) PRIMARY KEY,
    on_hand        NUMERIC(12, 3) NOT NULL,
    on_order       NUMERIC(12, 3) NOT NULL DEFAULT 0,
    lead_time_days INTEGER        NOT NULL CHECK (lead_time_days >= 0),
    unit_cost      NUMERIC(12, 4) NOT NULL,
    case_pack      INTEGER        NOT NULL DEFAULT 1 CHECK (case_pack >= 1)
);
CREATE TABLE IF NOT EXISTS purchase_orders (
    run_day        DATE        NOT NULL,
    sku            VARCHAR(64) NOT NULL,
    quantity       NUMERIC(12, 3) NOT NULL,
    reorder_point  NUMERIC(12, 3) NOT NULL,
    order_up_to    NUMERIC(12, 3) NOT NULL,
    forecast_daily NUMERIC(12, 3) NOT NULL,
    strategy       VARCHAR(128) NOT NULL,
    PRIMARY KEY (run_day, sku)
);
