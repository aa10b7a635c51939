-- Every inventory category with the free text the policy lexicon is applied to (P01, P02).
select category_id, name, coalesce(name_ja, '') as name_ja, coalesce(items, '') as items,
       special_care, my_number
from categories
order by category_id
