"""Code blocks that declare a schema, and what changed in them.

LSP states its protocol as TypeScript interfaces, OpAMP as protobuf messages: such a block is the
spec, not an example of it. This module tells whether a block declares a schema
(:func:`declares_schema`), whether it changed outside its comments and layout
(:func:`schema_changed`), what its comments say as prose (:func:`doc_comments`), and what
changed among its fields (:func:`field_changes`).

When its declarations change, a reviewer asks which field came, went or changed its type, and
whether a client that conformed before still does. So each field is read as ``Owner.name`` with
what its line declares (its type, ``?`` when optional, its number), and the two versions compared
field by field:

- a field whose declaration changed (``insertText: string`` -> ``insertText: string | StringValue``)
  or that went is a value changed, which binds: what conformed may not any more;
- a field that came binds when it is required (a TypeScript field without ``?``) where its owner stood
  before, and is only new otherwise (an optional field, any protobuf or GraphQL field, an enum member,
  a required field inside an object that is itself new).

Only the lines are read, not the language: comments are set aside (they are the block's prose,
:func:`doc_comments`), a line that declares no field (a brace, a decorator) is passed over, and so is
what a brace opened by anything else holds (a query, a sample's body). A block fenced as an example
("```graphql example") shows a schema and states none: it has no fields here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from specdiff.editorial import EXAMPLE_COMMENT, FENCE_INFO
from specdiff.model import Effect


def schema_changed(old: str, new: str, *, under_schema_heading: bool = False) -> bool:
    """Whether a code block that declares a schema (a protobuf message, a TypeScript interface, or
    any block right under a "Schema" heading) changed outside its comments and its layout. Such a
    block states the spec rather than
    illustrates it (OpAMP, MCP's schema page): "bytes instance_uid" -> "string instance_uid" changes
    the wire format and "params?:" -> "params:" makes a field required, though one word or one
    mark is all an example's slip changes.

    >>> dock = "```proto\\nmessage Dock {{\\n  {} id = 1; // the dock's {}\\n}}\\n```"
    >>> schema_changed(dock.format("bytes", "id"), dock.format("string", "id"))
    True
    >>> schema_changed(dock.format("bytes", "id"), dock.format("bytes", "number"))
    False
    >>> booking = "interface Booking {{\\n  /** {} */\\n  dock: string;\\n}}"
    >>> schema_changed(booking.format("The [dock](#dock)."), booking.format("The dock."))
    False
    """
    if not (under_schema_heading or declares_schema(old) or declares_schema(new)):
        return False
    return _declared(old) != _declared(new)


def declares_schema(block: str) -> bool:
    """Whether a code block declares a schema (``message Dock {``, ``interface Booking {``, ``type Role =``,
    GraphQL's ``type Dock implements Node {``); not one fenced as an example ("```graphql counter-example"),
    which shows a schema and states none.

    >>> declares_schema("```graphql\\ntype Dock {\\n}\\n```"), declares_schema("```graphql example\\ntype Dock {\\n}\\n```")
    (True, False)
    """
    if _EXAMPLE_FENCE.match(block):
        return False
    return _DECLARATIONS.search(block) is not None or _GRAPHQL_TYPE.search(block) is not None


def doc_comments(block: str) -> str:
    r"""The prose of a schema block's comments, each closed as a sentence: LSP writes its rules in the
    doc comments of its TypeScript interfaces ("Servers are only allowed to return `applyKind` if the
    client signals support"), OpAMP in those of its protobuf messages.

    >>> doc_comments("interface Dock {\n  /**\n   * The bay\n   * to use.\n   */\n  bay: number; // never zero\n}")
    'The bay to use. never zero.'

    A ``@since`` tag tells when a field came, which the history says too: LSP tagged "@since 3.6.0 to
    support the new pull model." onto a field it had, read as a sentence added. (One that gives the field's
    standing is read: "@since 3.16.0 - proposed state" -> "@since 3.16.0" made it final.)

    >>> doc_comments("/**\n * The bay.\n *\n * @since 3.6.0 to support docks.\n */")
    'The bay.'
    >>> doc_comments("/**\n * The bay.\n *\n * @since 3.6.0 - proposed state\n */")
    'The bay. @since 3.6.0 - proposed state.'
    """
    found = []
    for comment in _DOC_COMMENT.finditer(block):
        lines = (_COMMENT_LINE_START.sub("", line) for line in (comment.group(1) or comment.group(2)).splitlines())
        lines = (line for line in lines if not _SINCE_TAG.match(line))
        prose = " ".join(" ".join(lines).split())
        if prose:
            found.append(prose if prose[-1] in ".!?:;" else prose + ".")
    return " ".join(found)


_DOC_COMMENT = re.compile(r"/\*\*?(.*?)\*/|(?:^|(?<=\s))//+([^\n]*)", re.DOTALL)
_COMMENT_LINE_START = re.compile(r"^\s*\*+\s?")
_SINCE_TAG = re.compile(r"\s*@since\b(?!.*\b(?:proposed|experimental|draft|deprecated|preview|alpha|beta|stable)\b)", re.I)
"""A ``@since`` tag that only dates a field, not one that gives its standing ("@since 3.16.0 - proposed state")."""


def _declared(block: str) -> list[str]:
    """A schema block's words and marks outside its comments (``//``, ``#`` and the ``/** ... */`` of
    LSP's TypeScript interfaces, whose doc comments are reworded often) and its fence's language tag, each
    without the comma or semicolon that ends it (DAP mended "finish(1)" to "finish(1)," in an enum)."""
    words = EXAMPLE_COMMENT.sub(" ", FENCE_INFO.sub(r"\1", _BLOCK_COMMENT.sub(" ", block))).split()
    return [word.rstrip(",;") for word in words]


_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_DECLARATIONS = re.compile(
    r"^\s*(?:export\s+)?(?:(?:message|interface|enum|service)\s+\w+(?:\s+extends\s+[\w<>, ]+)?\s*\{|type\s+\w+(?:<[^>]*>)?\s*=)"
    r"|^\s*(?:struct|enum)\s*\{\s*$",
    re.MULTILINE,
)
"""A declaration opening a schema's code block: ``message Dock {``, ``export interface Booking extends
Request {``, ``type Role = ...``, and the TLS presentation language's ``struct {`` and ``enum {``, whose
name comes after their closing brace (``} CollectionJobResp;``), as IETF drafts write their messages."""

@dataclass(frozen=True)
class Field:
    """One declared field: ``InlineCompletionItem.insertText`` declared as ``insertText: string``."""

    name: str
    """``Owner.member``: the declaration it is in, and its own name."""
    declared: str
    """What its line says of it, spaces folded: ``insertText?: string | StringValue``."""
    binds: bool
    """Whether a conforming message must carry it (a required TypeScript field)."""


def schema_fields(block: str) -> dict[str, Field]:
    """The fields of a schema block by ``Owner.member``, in order.

    >>> fields = schema_fields("```ts\\ninterface Dock {\\n  /** its bay */\\n  bay?: number;\\n  id: string;\\n}\\n```")
    >>> [(f.name, f.declared, f.binds) for f in fields.values()]
    [('Dock.bay', 'bay?: number', False), ('Dock.id', 'id: string', True)]
    >>> [f.declared for f in schema_fields("message Dock {\\n  repeated string tags = 2; // labels\\n}").values()]
    ['repeated string tags = 2']
    >>> list(schema_fields("interface Dock {\\n  fees?: {\\n    day: number;\\n  };\\n  id: string;\\n}"))
    ['Dock.fees', 'Dock.fees.day', 'Dock.id']
    >>> schema_fields("```graphql example\\ntype Dock {\\n  id: ID!\\n}\\n```")
    {}
    >>> [(f.name, f.binds) for f in schema_fields("struct {\\n  uint64 count;\\n  opaque id<0..255>;\\n} Dock;").values()]
    [('Dock.count', True), ('Dock.id', True)]
    """
    if _EXAMPLE_FENCE.match(block):
        return {}  # fenced as an example ("```graphql example"): it shows a schema, it does not state one
    graphql = _GRAPHQL_TYPE.search(block) is not None  # (a field added to a GraphQL type asks no client for more)
    owners: list[str] = []
    found: dict[str, Field] = {}
    for line in _BLOCK_COMMENT.sub(" ", block).splitlines():
        line = _LINE_COMMENT.sub("", line).strip()
        opened = _OPENS.match(line)
        if opened:
            owners.append(opened.group(1) or opened.group(2))
            continue
        if _TLS_OPENS.match(line):
            # a TLS struct or enum, named at its close; a "select (...) {" inside one holds its fields
            owners.append(owners[-1] if line.startswith("select") and owners else f"{_UNNAMED}{len(found)}")
            continue
        if line.startswith("}"):
            if owners:
                _name_fields(found, owners.pop(), _TLS_CLOSES.match(line))
            continue
        line = _TLS_CASE.sub("", line)  # ("case leader: uint8 x;" inside a select declares a field too)
        alias = _ALIAS.match(line)
        if alias:
            found[alias.group(1)] = Field(alias.group(1), " ".join(line.rstrip(";").split()), False)
            continue
        field = _member(line)
        owner = owners[-1] if owners else None
        if field is not None and owner is not None and not owner.startswith(_UNKNOWN):
            name, declared, binds = field
            declared = declared[:-1] + "{…}" if declared.endswith("{") else declared
            found[f"{owner}.{name}"] = Field(f"{owner}.{name}", declared, binds and not graphql)
        if line.endswith("{"):
            # an object declared in place ("completionList?: {"): its fields are that field's
            # (a brace opened by anything else, a query or a sample's body, holds no fields of the schema)
            inner = field[0] if field is not None and owner is not None else _UNKNOWN
            owners.append(f"{owner}.{inner}" if owner and inner != _UNKNOWN else inner)
    return found


def _name_fields(found: dict[str, Field], owner: str, closing: re.Match[str] | None) -> None:
    """The fields of a TLS struct or enum, read under a stand-in owner, renamed for the name its closing
    brace gives (``} CollectionJobResp;``)."""
    if closing is None or not owner.startswith(_UNNAMED):
        return
    for name in [n for n in found if n.startswith(owner + ".")]:
        field = found.pop(name)
        named = closing.group(1) + name[len(owner) :]
        found[named] = Field(named, field.declared, field.binds)


def field_changes(old: str, new: str) -> list[Effect]:
    """One ``value`` effect per field that came, went or changed its declaration between two versions of
    a schema block (none when no field could be read on either side: not a schema this reads).

    >>> old = "interface Dock {\\n  bay: number;\\n  id: string;\\n}"
    >>> new = "interface Dock {\\n  bay: string;\\n  tag?: string;\\n}"
    >>> [(e.old, e.new, e.direction, e.normative) for e in field_changes(old, new)]  # doctest: +NORMALIZE_WHITESPACE
    [('Dock.bay: number', 'Dock.bay: string', 'field_changed', True), ('Dock.id: string', None, 'field_removed', True),
     (None, 'Dock.tag?: string', 'field_added', False)]
    """
    before, after = schema_fields(old), schema_fields(new)
    if not before or not after:
        return []
    before = _with_owners_renamed(before, after)
    effects = []
    for name, field in before.items():
        now = after.get(name)
        if now is None:
            effects.append(Effect("value", _shown(field), None, "field_removed", normative=True))
        elif now.declared != field.declared:
            effects.append(Effect("value", _shown(field), _shown(now), "field_changed", normative=True))
    for name, field in after.items():
        if name not in before:
            # a required field binds where its owner stood before: inside a new optional object it is that object's
            owner = name.rpartition(".")[0]
            owner_stood = owner in before or any(other.startswith(owner + ".") for other in before)
            effects.append(Effect("value", None, _shown(field), "field_added", normative=field.binds and owner_stood))
    return effects


def _with_owners_renamed(before: dict[str, Field], after: dict[str, Field]) -> dict[str, Field]:
    """``before``, its fields named for the new name of an owner renamed with the same fields: DAP's
    "struct { ... } UploadResponse;" made "} UploadErrors;" is a type renamed, no field removed and added
    (a TLS struct's name is no part of the message). Fields of the same names in the same order are the
    same fields, whatever their types became: MLS renamed "MLSAuthenticatedContent" to "AuthenticatedContent"
    and the type of its `content` from "MLSContent" to "FramedContent" (read as that field changed)."""
    owners_before, owners_after = _declarations_by_owner(before), _declarations_by_owner(after)
    gone = {owner: fields for owner, fields in owners_before.items() if owner not in owners_after}
    came = {fields: owner for owner, fields in owners_after.items() if owner not in owners_before}
    renamed = {owner: came[fields] for owner, fields in gone.items() if fields in came}
    came_by_names = {_member_names(after, owner): owner for owner in came.values() if owner not in renamed.values()}
    for owner in gone:
        taken = came_by_names.pop(_member_names(before, owner), None) if owner not in renamed else None
        if taken is not None:
            renamed[owner] = taken
    if not renamed:
        return before
    found = {}
    for name, field in before.items():
        owner, _, member = name.rpartition(".")
        named = f"{renamed[owner]}.{member}" if owner in renamed else name
        found[named] = Field(named, field.declared, field.binds)
    return found


def _member_names(fields: dict[str, Field], owner: str) -> tuple[str, ...]:
    """The names of ``owner``'s own fields, in order."""
    return tuple(name.rpartition(".")[2] for name in fields if name.rpartition(".")[0] == owner)


def _declarations_by_owner(fields: dict[str, Field]) -> dict[str, tuple[str, ...]]:
    """What each owner declares, in order."""
    found: dict[str, list[str]] = {}
    for name, field in fields.items():
        found.setdefault(name.rpartition(".")[0], []).append(field.declared)
    return {owner: tuple(declared) for owner, declared in found.items()}


def _shown(field: Field) -> str:
    """A field as an effect names it: ``Dock.bay?: number``; ``Kind.Invoked = 1`` for ``export const Invoked = 1``."""
    owner = field.name.rpartition(".")[0]
    declared = _EXPORTED.sub("", field.declared)
    return f"{owner}.{declared}" if owner else declared


_EXPORTED = re.compile(r"^export\s+(?:const\s+)?")


def _member(line: str) -> tuple[str, str, bool] | None:
    """A field's name, its declaration and whether it binds, from one line; ``None`` for any other line."""
    with_arguments = _FIELD_WITH_ARGUMENTS.match(line)
    if with_arguments:
        return with_arguments.group(1), " ".join(line.rstrip(";,").split()), True
    typed = _TS_FIELD.match(line)
    if typed:
        name, optional = typed.group(1), typed.group(2)
        return name, " ".join(line.rstrip(";,").split()), not optional
    numbered = _PROTO_FIELD.match(line)
    if numbered:
        return numbered.group(2), " ".join(line.rstrip(";").split()), False
    valued = _ENUM_MEMBER.match(line)
    if valued:
        return valued.group(1), " ".join(line.rstrip(";,").split()), False
    tls = _TLS_FIELD.match(line)
    if tls:
        return tls.group(1), " ".join(line.rstrip(";").split()), True  # (a struct's every field is sent)
    numbered_member = _TLS_ENUM_MEMBER.match(line)
    if numbered_member:
        return numbered_member.group(1), " ".join(line.rstrip(",").split()), False
    return None


_LINE_COMMENT = re.compile(r"(?:^|(?<=\s))//.*$")
_OPENS = re.compile(
    r"(?:export\s+|extend\s+)?(?:(?:interface|message|enum|namespace|service|type|input)\s+(\w+)[^{=]*"
    r"|type\s+(\w+)(?:<[^>]*>)?\s*=\s*)\{\s*$"
)
"""A line that opens a declaration: ``export interface Booking extends Request {``, ``message Dock {``,
``export type DockOptions = {``, GraphQL's ``type Dock implements Node {``."""
_GRAPHQL_TYPE = re.compile(r"^\s*(?:extend\s+)?(?:type|input)\s+\w+[^={\n]*\{", re.MULTILINE)
"""GraphQL's ``type Dock implements Node {`` (TypeScript writes ``type Dock = {``)."""
_UNKNOWN = "?"
"""The owner of what a brace opened by anything else holds."""
_TLS_OPENS = re.compile(r"(?:struct|enum|select\s*\([^)]*\))\s*\{$")
_TLS_CLOSES = re.compile(r"\}\s*(\w+)\s*;")
_TLS_CASE = re.compile(r"^case\s+[\w.]+\s*:\s*")
_UNNAMED = "struct#"
"""The stand-in owner of a TLS struct's fields until its closing brace names it."""
_TLS_FIELD = re.compile(r"[\w.]+(?:<[^>]*>)?\s+(\w+)\s*(?:<[^>]*>|\[[^\]]*\])?\s*;$")
"""A TLS struct's field: ``uint64 report_count;``, ``opaque payload<1..2^32-1>;``, ``opaque id[32];``."""
_TLS_ENUM_MEMBER = re.compile(r"(\w+)\s*\(\s*\d+\s*\)\s*,?$")
"""A TLS enum's member: ``leader(2),``."""
_EXAMPLE_FENCE = re.compile(r"\s*(?:`{3,}|~{3,})[^\n]*\b(?:example|counter-example)\b")
_ALIAS = re.compile(r"(?:export\s+)?type\s+(\w+)(?:<[^>]*>)?\s*=\s*\S")
_FIELD_WITH_ARGUMENTS = re.compile(r"([A-Za-z_]\w*)\s*\([^()]*\)\s*:\s*\S[^=]*$")
"""A GraphQL field that takes arguments, on one line: ``fields(includeDeprecated: Boolean = false): [__Field!]``
(a TypeScript method, ``dock(id: string): Dock;``, reads the same way)."""
_TS_FIELD = re.compile(r"(?:readonly\s+)?([A-Za-z_$][\w$]*)(\??)\s*:\s*[^=]+$")
_PROTO_FIELD = re.compile(r"((?:repeated|optional|required)\s+)?[\w.]+(?:<[\w., ]+>)?\s+(\w+)\s*=\s*\d+")
_ENUM_MEMBER = re.compile(r"(?:export\s+const\s+)?(\w+)\s*(?::\s*[\w.' |]+)?=\s*[^=]+$")
