"""Messages the bot starts: reminders before a user's deadline, supervisors' notices to many."""
