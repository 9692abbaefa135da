"""The protocol book: models, gap-free numbering, audit, queries and the daily register.

It knows nothing of HTTP, watchers or OCR. Start from `ProtocolBook` (registry.book); the
number of a letter is assigned in registry.numbering.assign_next_number.
"""

from registry.book import ProtocolBook, utc_now
from registry.daily import DailyRegister, daily_register
from registry.db import Database
from registry.deadlines import DeadlinePolicy, add_working_days
from registry.errors import (
    AlreadyRegistered,
    EntryNotFound,
    ImmutableFieldError,
    InvalidTransition,
    InvalidValue,
    NumberingError,
    RegistryError,
)
from registry.export import export_record, mask_personal_ids, to_csv, to_jsonl
from registry.journal import IntakeJournal, JournalView
from registry.queries import (
    ConfirmedRouting,
    EntryFilter,
    StoredLetter,
    confirmed_routings,
    iter_entries,
    list_entries,
    unconfirmed_letters,
)
from registry.tokens import ROLES, TokenStore, TokenView, role_allows
from registry.views import (
    AttachmentRecord,
    AuditView,
    EntryView,
    NewEntry,
    Routing,
    parse_entry_ref,
)

__all__ = [
    "AlreadyRegistered",
    "AttachmentRecord",
    "AuditView",
    "ConfirmedRouting",
    "DailyRegister",
    "Database",
    "DeadlinePolicy",
    "EntryFilter",
    "EntryNotFound",
    "EntryView",
    "ImmutableFieldError",
    "IntakeJournal",
    "InvalidTransition",
    "InvalidValue",
    "JournalView",
    "NewEntry",
    "NumberingError",
    "ProtocolBook",
    "ROLES",
    "RegistryError",
    "Routing",
    "StoredLetter",
    "TokenStore",
    "TokenView",
    "add_working_days",
    "confirmed_routings",
    "daily_register",
    "export_record",
    "iter_entries",
    "list_entries",
    "mask_personal_ids",
    "parse_entry_ref",
    "role_allows",
    "to_csv",
    "to_jsonl",
    "unconfirmed_letters",
    "utc_now",
]
