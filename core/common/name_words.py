"""Words the name check knows are workload, not people: titles, acronyms and capitalised terms.

Kept apart from the rule (core/common/names.py) so the lists can grow without touching it.
All entries are lower-case; the check compares words case-insensitively.
"""

from __future__ import annotations

# Personal titles that are never ordinary words: any case, with or without a dot, then a word.
PLAIN_TITLES = frozenset(
    "mr mrs ms mx dr cllr sgt revd prof professor det insp supt msgr".split()
)
# Titles that are also ordinary words ("miss", "pc", "ds"): count only before a capitalised word.
WORD_TITLES = frozenset(
    "miss master sir dame lady lord rev dc ds pc di dci dsgt pcso".split()
)
# After a plain title these ordinary words are not a surname ("Dr appointment", "GP/Dr letter").
NOT_SURNAMES = frozenset(
    "a an and or the to at of for in on re appointment appointments appt appts letter letters "
    "report reports visit visits note notes surgery referral referrals call calls notice".split()
)

# Acronyms written in capitals in probation work: an ALL-CAPS pair of these is not a name.
ACRONYMS = frozenset(
    "mappa marac mash lado psr sdr fdr oasys arms crc nps hmpps hmp hmyoi yoi wmt pqip po pso "
    "spo sps ap aps upw drr atr mhtr asro ats iom isp omic pnc ndelius delius visor tsp bbr "
    "hsp sotp opd ogrs rsr osp ete cas cas3 dv da cps gp nhs dwp uc esa pip hmrc cctv it pc "
    "cpd hr oh toil al wfh moj pdu crn id ok asap fyi re nb am pm tbc uk fte official "
    "sensitive ppo issp yot yos sso cja rotl hdc pss lsp ssr mdt hv ctc cmht amhp cpn "
    "cjit dip dirs sar sos mcc fpn cro epf epfs eom pom com snr cbt dbs rar bcu ccc lpa "
    "cmr mr nfa rosh sara spousal dash nfa ics pdf csv html md a4 mi fyi aob kit hq it".split()
)

# Capitalised for reasons other than being a name: months, days, the app's and the service's
# own terms, activity names (BUILT_IN_ACTIVITIES) and published reduction reasons (WMT list).
WORKLOAD_WORDS = frozenset(
    "i a monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december today yesterday tomorrow "
    "morning afternoon evening week weeks month months year years bank holiday holidays "
    "appointment direct contact home visit visits assessment court report reports writing duty "
    "parole recall work mappa multi agency multi-agency meeting meetings recording admin travel "
    "training own supervision covering colleague reception one-to-one intervention "
    "interventions other pqip trainee newly qualified officer officers pso learning "
    "development vocational qualification level access maternity adoption leave long-term "
    "sickness sick special paid unpaid trade union facility time single point lead disability "
    "phased return pregnancy co-worked cases case group split role protected caseload "
    "workload weighted estimate official figure figures band capacity over under stretched "
    "manageable full nearly well show table trend weekly summary agenda action actions note "
    "notes request requests reflection wellbeing update updates review reviews plan plans "
    "sentence sentences risk risks management crown magistrates magistrates' youth high "
    "probation service services region regional division office team teams unit delivery "
    "approved premises premise community payback custody prison licence licences order orders "
    "post release pre release resettlement accommodation housing employment education "
    "benefits finance health mental substance misuse drug drugs alcohol domestic abuse "
    "violence safeguarding child children adult adults social care police victim victims "
    "liaison referral referrals job centre jobcentre plus citizens advice universal credit "
    "board panel hearing hearings oral appeal tribunal remand bail breach breaches enforcement "
    "warrant letter letters email emails call calls phone video link teams zoom skype "
    "induction initial contact contacts check checks in out check-in thinking skills "
    "programme programmes building better relationships resolve horizon kaizen becoming "
    "new me strengths healthy sex identity attendance centre centres women's men's "
    "structured specified activity activities requirement requirements rehabilitation "
    "accredited tier tiers cover covering lunch break annual flexi toil sickness absence "
    "interview interviews sign signs professional professionals discussion discussions "
    "lesson lessons learned practice guidance policy procedure audit quality assurance "
    "senior practitioner practitioners manager managers line spo stakeholder partnership "
    "calendar import export file settings help view edit undo redo overview time data "
    "first second third last next this that the of and to for on at in by with about from "
    "add not now what does mean took another take if keep save anyway edit yes no ok cancel "
    "close open reopen delete new start stop end ended agreed discussed carried forward "
    "due overdue done date dates total hours hour minutes minute contracted available "
    "fte part-time full-time pattern working days day no figures shown hidden reason reasons "
    "prepared classification page one-page pdf html csv markdown england wales uk british "
    "christmas easter boxing good new year's bank summer spring early whit "
    "serious harm urgent please did attend attended failed missed called rang phoned met "
    "spoke emailed wrote sent received measurement tool hm inspectorate his majesty's".split()
)
