"""Policy reader: what a published privacy policy declares, and whether the inventory agrees.

`scan` reads a policy (txt, md, html; English or Japanese) into the object of
shared/spec/policy-scan.md with verbatim evidence; `check` runs the P-rules of rules.md against
the inventory database; `report` renders a scan for people. Everything is deterministic and
offline: a bilingual lexicon (`lexicon.yaml`) applied to segmented sentences and headings.
"""
