-- Implemented controls; the domain of a catalog measure comes from the catalog, not this column (P03, P04).
select control_id, measure, domain
from controls
where status = 'implemented'
order by control_id
