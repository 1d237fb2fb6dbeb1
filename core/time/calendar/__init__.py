"""Calendar import: read an iCalendar (.ics) file, propose one time entry per event, import the
rows the practitioner confirms. No event's subject, location, attendees or description is stored.
May import `core.common`, `core.store`, `core.caseload` and `core.time`.
"""
