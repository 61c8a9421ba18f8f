"""The filing record after submission: the meeting, each filer's deficiency notices and cures, engagement,
the company's (j) notice and statement in opposition, withdrawal and the vote; their clocks, the
"due soon" panel, the calendar feed and the deadline reminders."""
