"""The terms of bodies that are numbered by 届 (term): 十三届全国人大, 十三届全国人大常委会, 十三届全国政协,
十九届中央委员会, 十九届中央政治局, 十九届中央纪委, for bench/lexicon_families.py."""

from lexicon_family_facts import CCDI_FROM, CONGRESSES, CPPCC_FACTS, CPPCC_YEARS, NPC_YEARS, PLENUMS
from lexicon_family_names import chinese, entry, nth


def served(first: int, last: int | None) -> str:
    return f"for the term {first}-{last}" if last else f"for the term that began in {first}"


def npc_terms() -> list[dict]:
    found = []
    for term, (first, last) in NPC_YEARS.items():
        t = chinese(term)
        text = f"The {nth(term)} National People's Congress: China's legislature {served(first, last)}."
        found += [entry(f"{t}届全国人大", f"{nth(term)} National People's Congress", f"{nth(term)} term + NPC",
                        "institution", text, [f"第{t}届全国人民代表大会", "全国人大"]),
                  entry(f"第{t}届全国人民代表大会", f"{nth(term)} National People's Congress",
                        f"No. {term} + term + National People's Congress", "institution", text,
                        [f"{t}届全国人大", "全国人民代表大会"])]
        text = (f"The standing body of the {nth(term)} National People's Congress, which acts for the Congress "
                f"between its sessions, {served(first, last)}.")
        english = f"Standing Committee of the {nth(term)} National People's Congress"
        found += [entry(f"{t}届全国人大常委会", english, f"{nth(term)} term + NPC Standing Committee", "institution",
                        text, [f"第{t}届全国人民代表大会常务委员会", "全国人大常委会"]),
                  entry(f"第{t}届全国人民代表大会常务委员会", english,
                        f"No. {term} + term + National People's Congress + Standing Committee", "institution", text,
                        [f"{t}届全国人大常委会", "全国人大常委会"])]
    return found


def cppcc_terms() -> list[dict]:
    found = []
    for term, (first, last) in CPPCC_YEARS.items():
        t = chinese(term)
        text = (f"The {nth(term)} National Committee of the Chinese People's Political Consultative Conference, "
                f"{served(first, last)}. {CPPCC_FACTS.get(term, '')}").strip()
        english = f"{nth(term)} National Committee of the CPPCC"
        full = f"中国人民政治协商会议第{t}届全国委员会"
        found += [entry(f"{t}届全国政协", english, f"{nth(term)} term + CPPCC National Committee", "institution",
                        text, [full, "全国政协"]),
                  entry(full, english, f"CPPCC + No. {term} + term + National Committee", "institution", text,
                        [f"{t}届全国政协", "中国人民政治协商会议"])]
    return found


def party_terms() -> list[dict]:
    """Central Committees and their Political Bureaus (from the 7th, whose plenums are known), and the
    Central Commissions for Discipline Inspection elected by a congress."""
    found, numbers = [], sorted(CONGRESSES)
    for number in (n for n in numbers if n in PLENUMS):
        t, year = chinese(number), CONGRESSES[number][0]
        after = f"the {nth(number + 1)} Congress in {CONGRESSES[number + 1][0]}" if number + 1 in CONGRESSES else ""
        until = f", in office until {after}" if after else ""
        text = f"The CPC Central Committee elected by the {nth(number)} Party Congress in {year}{until}."
        english = f"{nth(number)} CPC Central Committee"
        found += [entry(f"{t}届中央委员会", english, f"{nth(number)} term + Central Committee", "institution", text,
                        [f"第{t}届中央委员会", "中央委员会"]),
                  entry(f"第{t}届中央委员会", english, f"No. {number} + term + Central Committee", "institution",
                        text, [f"{t}届中央委员会", "中央委员会"]),
                  entry(f"{t}届中央政治局", f"Political Bureau of the {nth(number)} CPC Central Committee",
                        f"{nth(number)} term + Central Political Bureau", "institution",
                        f"The Political Bureau elected by the {nth(number)} Central Committee at its first plenum "
                        f"in {year}{until}.", [f"{t}届中央委员会", "中央政治局"])]
        if number >= CCDI_FROM:
            found.append(entry(f"{t}届中央纪委", f"{nth(number)} CPC Central Commission for Discipline Inspection",
                               f"{nth(number)} term + Central Discipline (Inspection) Commission", "institution",
                               f"The Central Commission for Discipline Inspection elected by the {nth(number)} "
                               f"Party Congress in {year}{until}.", ["中央纪委", f"{t}届中央委员会"]))
    return found
