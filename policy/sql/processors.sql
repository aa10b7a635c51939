-- Every consignee, re-consignees included (P06).
select processor_id, name from processors order by processor_id
