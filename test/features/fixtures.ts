/** A small report every feature test reads; `¦` is added by each test where the cursor stands. */
export const REPORT = `---
typ: granskningsrapport
kommun: Hultsfreds kommun
titel: Asyl och integration
datum: 2024-03-01
granskade: [kommunstyrelsen]
---

# Sammanfattning

Text.

# Inledning

## Syfte och revisionsfråga

Är styrningen ändamålsenlig?

## Revisionskriterier

Kommunallagen.

# Iakttagelser och bedömningar

## Kontrollmål 1: Finns styrdokument?

### Iakttagelser

Ja, programmet antogs.[^1]

### Bedömning: Delvis uppfyllt

Kontrollmålet bedöms som delvis uppfyllt.[^1]

### Rekommendationer

- Att programmet följs upp.
- Att ansvaret tydliggörs.

## Kontrollmål 2: Följs de upp?

### Iakttagelser

Delvis.[^2]

### Bedömning: Uppfylld

Kontrollmålet bedöms som uppfyllt.

### Rekommendationer

Inga rekommendationer.

[^1]: KF § 16/2015-02-23 — Program för förbättrad asyl och integration
[^2]: KS § 12/2020-02-10
`;
