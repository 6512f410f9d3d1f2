#!/usr/bin/env python3
"""Writes a deterministic corpus of valid measure files (spec/measure.md, contract v1) for the
loader benchmark: COUNT files of 1-4 KB each, from a fixed seed, into OUT (default corpus/).

Usage: generate.py [OUT] [COUNT]
"""
import os
import random
import sys

SEED = 20260701
MEMBERS = ["AM", "BY", "KG", "KZ", "RU"]
KINDS = ["government", "public-body", "entrusted-private-body", "private-body",
         "state-owned-enterprise", "foreign-government"]
FORMS = ["grant", "loan", "interest-subsidy", "loan-guarantee", "equity", "debt-forgiveness",
         "tax-exemption", "tax-credit", "tax-reduction", "tax-deferral", "customs-duty-exemption",
         "goods-provision", "services-provision", "goods-purchase", "general-infrastructure",
         "income-support", "price-support", "funding-mechanism", "export-credit"]
CONTINGENCY = ["none", "in-law", "in-fact", "unknown"]
PURPOSES = ["research", "pre-competitive-development", "disadvantaged-region", "training", "other"]
TRI = ["true", "false", "unknown", "yes", "no"]
WORDS = ("support production component machinery regional development programme industrial "
         "enterprise assembly export credit investment agriculture processing equipment "
         "modernisation innovation energy efficiency logistics Министерство промышленности "
         "развития поддержка производства").split()


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def measure(rng, index):
    member = rng.choice(MEMBERS)
    year = rng.randint(2012, 2030)
    lines = [
        f"id: {member}-BENCH-{year}-{index:05d}",
        f"title: {words(rng, rng.randint(4, 12)).capitalize()}",
        f"member_state: {member}",
        "granting_body:",
        f"  kind: {rng.choice(KINDS)}",
        f"  governmental_authority: {rng.choice(TRI)}",
        f"  level: {rng.choice(['national', 'regional', 'local'])}",
        f"  name: \"{words(rng, rng.randint(3, 8))}\"",
        f"legal_basis: '{words(rng, rng.randint(5, 15))}'",
        "period:",
        f"  from: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"  until: {year + rng.randint(1, 10)}-12-31",
        "goods:",
        "  hs: [" + ", ".join(f"\"{rng.randint(1, 97):02d}{rng.randint(1, 99):02d}\""
                              for _ in range(rng.randint(1, 6))) + "]",
        f"  services_linked_to_goods: {rng.choice(TRI)}",
        "forms:",
    ]
    lines += [f"  - {form}" for form in rng.sample(FORMS, rng.randint(1, 3))]
    lines += [
        f"benefit: {rng.choice(TRI)}",
        "eligibility:",
        "  limited_to: [industries, regions]",
        "  industries:",
    ]
    lines += [f"    - {words(rng, rng.randint(2, 5))}" for _ in range(rng.randint(1, 4))]
    lines += [
        "  regions: [" + ", ".join(rng.choice(["Almaty", "Astana", "Minsk", "Kazan", "Osh"])
                                   for _ in range(rng.randint(1, 3))) + "]",
        f"  generally_applicable_tax_rate: {rng.choice(TRI)}",
        "  objective_criteria:",
    ]
    lines += [f"    {k}: {rng.choice(TRI)}" for k in
              ["neutral", "automatic", "strictly_adhered", "in_official_document"]]
    lines += ["  in_practice:"]
    lines += [f"    {k}: {rng.choice(TRI)}" for k in
              ["limited_number_of_users", "predominant_users", "disproportionate_amounts",
               "discretionary_granting"]]
    lines += [
        "conditions:",
        f"  export_performance: {rng.choice(CONTINGENCY)}",
        f"  domestic_goods: {rng.choice(CONTINGENCY)}",
        f"  domestic_goods_scope: {rng.choice(['national', 'eaeu'])}",
        f"  production_location: {rng.choice(CONTINGENCY)}",
        f"purposes: [{', '.join(rng.sample(PURPOSES, rng.randint(0, 2)))}]",
        "export_credit:",
        f"  oecd_arrangement: {rng.choice(TRI)}",
        "amount:",
        f"  value: {rng.randint(1, 10**12)}",
        "  currency: " + {"AM": "AMD", "BY": "BYN", "KG": "KGS", "KZ": "KZT", "RU": "RUB"}[member],
        f"  per_recipient_usd: {rng.choice(['unknown', str(rng.randint(1000, 10**7))])}",
    ]
    return lines


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "corpus")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    rng = random.Random(SEED)
    os.makedirs(out, exist_ok=True)
    total = 0
    for index in range(count):
        target = rng.randint(1024, 4096)
        lines = measure(rng, index)
        text = "\n".join(lines) + "\n"
        # Pad with comment-free free text (a longer legal basis) until the file reaches its size.
        extra = []
        while len(text.encode()) + sum(len(e.encode()) + 1 for e in extra) < target:
            extra.append(f"    {words(rng, 8)}")
        if extra:
            lines[8] = "legal_basis: >-\n" + "\n".join(extra)
            text = "\n".join(lines) + "\n"
        data = text.encode()
        total += len(data)
        with open(os.path.join(out, f"m{index:05d}.yaml"), "wb") as f:
            f.write(data)
    print(f"{count} files, {total} bytes in {out}")


if __name__ == "__main__":
    main()
