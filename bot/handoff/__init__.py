"""Handoff: tickets, business hours, the outbox that delivers between user and counselor."""
