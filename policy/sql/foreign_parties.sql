-- Where data is handled abroad (P05): a system, processor or recipient outside Japan that is linked to a
-- category through category_systems / category_processors / category_recipients (rules.md "linked").
select distinct 'system' as party_type, s.system_id as party_id, s.name, s.country
from systems s join category_systems cs on cs.system_id = s.system_id
where s.country <> 'JP'
union
select distinct 'processor', p.processor_id, p.name, p.country
from processors p join category_processors cp on cp.processor_id = p.processor_id
where p.country <> 'JP'
union
select distinct 'recipient', r.recipient_id, r.name, r.country
from recipients r join category_recipients cr on cr.recipient_id = r.recipient_id
where r.country <> 'JP'
order by party_type, party_id
