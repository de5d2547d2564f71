"""The Objection rehearsal tab: objections, the library, rehearsal sessions."""
