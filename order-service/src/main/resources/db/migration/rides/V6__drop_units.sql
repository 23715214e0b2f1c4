-- The units table (V3) was a second copy of the unit definitions. Units now live in one place, common's
-- io/ridemesh/common/unit/units.properties (UnitMap.standard()), read by every service; nothing reads this table.
DROP TABLE units;
