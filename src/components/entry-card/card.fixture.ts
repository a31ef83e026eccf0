/**
 * A card as the background assembles it (from the background's card-test
 * corpus), for the view's tests: components may not import the background.
 */
import type { EntryCard } from '../../shared/card';

/** Omar Karim's card. */
export const KARIM_CARD: EntryCard = {
  "entry": {
    "id": "karim",
    "name": "Omar Karim",
    "type": "person",
    "aliases": [
      {
        "text": "Omar Karim"
      }
    ],
    "summary": [
      {
        "text": "Former president.",
        "passageIds": [
          "a-2020#p0.s0"
        ]
      }
    ],
    "roles": [
      {
        "title": "President",
        "until": "2024-12",
        "passageIds": [
          "a-2020#p0.s0"
        ]
      },
      {
        "title": "In exile in Russia",
        "from": "2024-12-08",
        "passageIds": [
          "b-2025#p0.s0"
        ]
      }
    ],
    "dates": [],
    "participants": [],
    "origin": "bundled"
  },
  "asOf": "2025-10-22",
  "latest": "2025-10-22",
  "facts": [
    {
      "text": "Former president.",
      "evidence": [
        {
          "passageId": "a-2020#p0.s0",
          "text": "President Karim ruled Aleppo and Damascus with an iron hand for two decades.",
          "documentId": "a-2020",
          "documentTitle": "Old order",
          "published": "2020-09",
          "publishedInferred": false,
          "outlet": "Daily A"
        }
      ]
    }
  ],
  "roles": [
    {
      "title": "In exile in Russia",
      "over": false,
      "attestedInferred": true,
      "evidence": [
        {
          "passageId": "b-2025#p0.s0",
          "text": "Karim fled to Moscow in December 2024 after rebels took Aleppo in a lightning offensive.",
          "documentId": "b-2025",
          "documentTitle": "New order",
          "published": "2025-10-22",
          "publishedInferred": true
        }
      ],
      "attested": "2025-10-22",
      "from": "2024-12-08"
    },
    {
      "title": "President",
      "over": true,
      "attestedInferred": false,
      "evidence": [
        {
          "passageId": "a-2020#p0.s0",
          "text": "President Karim ruled Aleppo and Damascus with an iron hand for two decades.",
          "documentId": "a-2020",
          "documentTitle": "Old order",
          "published": "2020-09",
          "publishedInferred": false,
          "outlet": "Daily A"
        }
      ],
      "attested": "2020-09",
      "until": "2024-12"
    }
  ],
  "before": [],
  "after": [],
  "keyEvents": [
    {
      "id": "grain-accord",
      "name": "Grain Accord",
      "type": "agreement",
      "start": "2019",
      "inferred": false,
      "source": {
        "passageId": "b-2025#p1.s0",
        "text": "The Grain Accord of 2019 was signed by both governments.",
        "documentId": "b-2025",
        "documentTitle": "New order",
        "published": "2025-10-22",
        "publishedInferred": true
      }
    },
    {
      "id": "lightning-offensive",
      "name": "Lightning offensive",
      "type": "offensive",
      "start": "2024-11",
      "inferred": false,
      "source": {
        "passageId": "b-2025#p1.s1",
        "text": "The 2024 lightning offensive took Aleppo within days, with Karim absent.",
        "documentId": "b-2025",
        "documentTitle": "New order",
        "published": "2025-10-22",
        "publishedInferred": true
      }
    }
  ],
  "datedFacts": [],
  "related": [
    {
      "id": "grain-accord",
      "name": "Grain Accord",
      "type": "agreement",
      "kind": "authored",
      "relation": "Omar Karim signed Grain Accord",
      "evidence": {
        "passageId": "a-2020#p0.s1",
        "text": "Karim met Volkov in Moscow to sign the Grain Accord, and Karim praised it.",
        "documentId": "a-2020",
        "documentTitle": "Old order",
        "published": "2020-09",
        "publishedInferred": false,
        "outlet": "Daily A"
      }
    },
    {
      "id": "volkov",
      "name": "Ivan Volkov",
      "type": "person",
      "kind": "authored",
      "relation": "Ivan Volkov sheltered Omar Karim",
      "evidence": {
        "passageId": "b-2025#p0.s1",
        "text": "Volkov offered Karim asylum and the rebels asked for his extradition to face trial.",
        "documentId": "b-2025",
        "documentTitle": "New order",
        "published": "2025-10-22",
        "publishedInferred": true
      }
    },
    {
      "id": "aleppo",
      "name": "Aleppo",
      "type": "place",
      "kind": "co-mention",
      "relation": "Named together in 3 sentences",
      "evidence": {
        "passageId": "a-2020#p0.s0",
        "text": "President Karim ruled Aleppo and Damascus with an iron hand for two decades.",
        "documentId": "a-2020",
        "documentTitle": "Old order",
        "published": "2020-09",
        "publishedInferred": false,
        "outlet": "Daily A"
      }
    }
  ],
  "excerpts": [
    {
      "passageId": "a-2020#p0.s0",
      "text": "President Karim ruled Aleppo and Damascus with an iron hand for two decades.",
      "documentId": "a-2020",
      "documentTitle": "Old order",
      "published": "2020-09",
      "publishedInferred": false,
      "outlet": "Daily A"
    },
    {
      "passageId": "b-2025#p0.s0",
      "text": "Karim fled to Moscow in December 2024 after rebels took Aleppo in a lightning offensive.",
      "documentId": "b-2025",
      "documentTitle": "New order",
      "published": "2025-10-22",
      "publishedInferred": true
    },
    {
      "passageId": "a-2020#p0.s1",
      "text": "Karim met Volkov in Moscow to sign the Grain Accord, and Karim praised it.",
      "documentId": "a-2020",
      "documentTitle": "Old order",
      "published": "2020-09",
      "publishedInferred": false,
      "outlet": "Daily A"
    }
  ],
  "highlights": []
};
