-- Recipients that are third-party provision in the Art. 27 sense (P07): provided by consent or opt-out, or
-- with no basis at all. Statutory exceptions (law, vital interest, public health, public agency) and
-- the Art. 27(5) non-third parties (joint use, succession) are not what a policy must announce.
select recipient_id, name, coalesce(basis, 'none') as basis
from recipients
where basis is null or basis in ('consent', 'opt_out', 'none')
order by recipient_id
