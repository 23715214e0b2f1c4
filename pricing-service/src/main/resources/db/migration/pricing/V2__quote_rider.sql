-- A quote is bound to the rider it was issued to (issue 19): only that rider may read it (GET /v1/quotes/{id}) or
-- request a ride with it (order-service checks the rider inside the signed token). Quotes stored before this column
-- existed belong to nobody (''): operators can still read them, riders cannot.
ALTER TABLE quote ADD COLUMN rider_id VARCHAR(64) NOT NULL DEFAULT '';
