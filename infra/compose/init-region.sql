-- Schemas of one region (docker-compose). The local playground (./platform up) creates the same
-- schemas with least-privilege users; compose uses root for brevity.
CREATE DATABASE IF NOT EXISTS rides;
CREATE DATABASE IF NOT EXISTS pricing;
CREATE DATABASE IF NOT EXISTS dispatch;
CREATE DATABASE IF NOT EXISTS sync;
CREATE DATABASE IF NOT EXISTS routing;
