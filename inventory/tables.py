"""The interchange format (shared/spec/interchange.md) as data.

One description of every table and column, so that validation, import, export and the
workspace editor agree on names, order, kinds and defaults. The database DDL lives in
`migrations/*.sql`; `tests/inventory/test_tables.py` keeps the two in step.
"""
from __future__ import annotations

from dataclasses import dataclass, field

SOURCES = ("direct_written", "direct_web", "direct_oral", "automatic", "third_party", "public", "other")
MEDIA = ("electronic", "paper")
HOSTING = ("on_premise", "cloud", "saas", "office")
BASES = ("consent", "law", "vital_interest", "public_health", "public_agency", "opt_out",
         "joint_use", "succession", "none")
PARTY_TYPES = ("processor", "recipient")
ROUTES = ("consent", "standard_measures", "adequacy", "exception", "none")
DOMAINS = ("POL", "RUL", "ORG", "HUM", "PHY", "TEC", "EXT")
STATUSES = ("implemented", "partial", "planned", "not_applicable")
SCOPE_KINDS = {"category": "categories", "system": "systems", "processor": "processors"}


@dataclass(frozen=True)
class Col:
    """One column. kind: id, text, int, bool, date, country, enum, ref, scope."""

    name: str
    kind: str = "text"
    required: bool = False
    default: object = None
    choices: tuple[str, ...] = ()
    ref: str | None = None  # table whose key this column names
    minimum: int = 0
    unique: bool = False
    empty_ok: bool = False  # a required column whose cells may be empty (recipients.basis)
    label_ja: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Col, ...]
    key: tuple[str, ...]
    label_en: str
    label_ja: str
    link: bool = False  # a link table: rows are a set
    max_rows: int | None = None
    extra: dict = field(default_factory=dict)

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def col(self, name: str) -> Col:
        return next(c for c in self.columns if c.name == name)


def _id(name: str, ja: str) -> Col:
    return Col(name, "id", required=True, unique=True, label_ja=ja)


def _ref(name: str, table: str, ja: str, required: bool = True) -> Col:
    return Col(name, "ref", required=required, ref=table, label_ja=ja)


def _bool(name: str, ja: str, default: bool = False) -> Col:
    return Col(name, "bool", default=default, label_ja=ja)


def _link(name: str, other: str, other_col: str, en: str, ja: str) -> Table:
    return Table(name, (_ref("category_id", "categories", "カテゴリID"), _ref(other_col, other, "ID")),
                 ("category_id", other_col), en, ja, link=True)


TABLES: tuple[Table, ...] = (
    Table("organization", (
        Col("name", label_ja="名称"), Col("name_ja", label_ja="名称（日本語）"),
        Col("address", label_ja="住所"), Col("representative", label_ja="代表者"),
        Col("contact", label_ja="苦情窓口"), _bool("sme", "中小規模事業者"),
    ), (), "Organization", "事業者", max_rows=1),
    Table("categories", (
        _id("category_id", "カテゴリID"),
        Col("name", required=True, label_ja="名称"), Col("name_ja", label_ja="名称（日本語）"),
        Col("data_subjects", label_ja="本人の区分"), Col("items", label_ja="項目"),
        Col("persons", "int", label_ja="件数（人数）"),
        Col("source", "enum", choices=SOURCES, label_ja="取得方法"),
        _bool("special_care", "要配慮個人情報"), _bool("special_care_consent", "要配慮取得の同意"),
        _bool("my_number", "特定個人情報"), _bool("financial", "財産的被害のおそれ"),
        _bool("personally_referable", "個人関連情報"), _bool("pseudonymized", "仮名加工情報"),
        _bool("anonymized", "匿名加工情報"), _bool("eu_origin", "EU十分性認定に基づく受領"),
        _bool("retained", "保有個人データ", default=True),
        Col("retention_months", "int", label_ja="保管期間（月）"),
        Col("delete_by", "date", label_ja="削除期限"),
        Col("disposal_method", label_ja="廃棄方法"), Col("owner", label_ja="管理責任者・部署"),
        Col("access_holders", label_ja="アクセス権者"), Col("last_reviewed", "date", label_ja="最終確認日"),
    ), ("category_id",), "Data categories", "個人データの種類"),
    Table("purposes", (
        _id("purpose_id", "利用目的ID"),
        Col("description", required=True, label_ja="説明"), Col("description_ja", label_ja="説明（日本語）"),
        _bool("published", "公表済み"), Col("notice_url", label_ja="公表URL"),
        _bool("third_party_provision", "第三者提供を明示"),
    ), ("purpose_id",), "Purposes", "利用目的"),
    _link("category_purposes", "purposes", "purpose_id", "Category × purpose", "カテゴリ×利用目的"),
    Table("systems", (
        _id("system_id", "システムID"), Col("name", required=True, label_ja="名称"),
        Col("medium", "enum", default="electronic", choices=MEDIA, label_ja="媒体"),
        Col("country", "country", default="JP", label_ja="所在国"),
        Col("hosting", "enum", choices=HOSTING, label_ja="形態"),
        _ref("processor_id", "processors", "運用委託先", required=False),
        _bool("cloud_no_handling", "クラウド例外（取扱いなし）"),
    ), ("system_id",), "Systems", "システム・保管場所"),
    _link("category_systems", "systems", "system_id", "Category × system", "カテゴリ×システム"),
    Table("processors", (
        _id("processor_id", "委託先ID"), Col("name", required=True, label_ja="名称"),
        Col("country", "country", required=True, label_ja="所在国"), Col("service", label_ja="委託業務"),
        _ref("parent_id", "processors", "再委託元", required=False),
        Col("selection_checked", "date", label_ja="選定確認日"), Col("contract_date", "date", label_ja="契約日"),
        _bool("contract_security_terms", "契約に安全管理条項"), _bool("contract_audit_clause", "契約に監査条項"),
        Col("last_supervised", "date", label_ja="最終監督日"), _bool("reconsignment_approved", "再委託の承認"),
    ), ("processor_id",), "Processors (consignees)", "委託先"),
    _link("category_processors", "processors", "processor_id", "Category × processor", "カテゴリ×委託先"),
    Table("recipients", (
        _id("recipient_id", "提供先ID"), Col("name", required=True, label_ja="名称"),
        Col("country", "country", required=True, label_ja="所在国"),
        Col("basis", "enum", required=True, empty_ok=True, choices=BASES, label_ja="提供の根拠"),
        _bool("record_kept", "提供記録（第29条）"), Col("last_provided", "date", label_ja="最終提供日"),
        _bool("links_identifiers", "提供先で個人と紐付け"),
    ), ("recipient_id",), "Recipients (third parties)", "第三者提供先"),
    _link("category_recipients", "recipients", "recipient_id", "Category × recipient", "カテゴリ×提供先"),
    Table("transfers", (
        _id("transfer_id", "移転ID"),
        Col("party_type", "enum", required=True, choices=PARTY_TYPES, label_ja="相手の種別"),
        Col("party_id", required=True, label_ja="相手ID"),
        _ref("category_id", "categories", "カテゴリID", required=False),
        Col("route", "enum", required=True, choices=ROUTES, label_ja="移転の根拠"),
        _bool("info_provided", "情報提供（規則17条）"), _bool("contract_on_file", "契約等の備置"),
        Col("last_checked", "date", label_ja="最終定期確認日"),
    ), ("transfer_id",), "Foreign transfers", "外国への提供"),
    Table("countries", (
        Col("country", "country", required=True, unique=True, label_ja="国"),
        Col("regime_assessed", "date", label_ja="制度把握日"), Col("notes", label_ja="参照資料・メモ"),
    ), ("country",), "Countries (external environment)", "外的環境の把握"),
    Table("controls", (
        _id("control_id", "管理策ID"), Col("measure", required=True, label_ja="措置ID"),
        Col("domain", "enum", choices=DOMAINS, label_ja="区分"),
        Col("title", required=True, label_ja="名称"),
        Col("scope", "scope", required=True, label_ja="対象範囲"),
        Col("status", "enum", required=True, choices=STATUSES, label_ja="状況"),
        Col("owner", label_ja="担当"), Col("evidence", label_ja="証跡"),
        Col("last_reviewed", "date", label_ja="最終見直し日"),
        Col("review_months", "int", default=12, minimum=1, label_ja="見直し周期（月）"),
    ), ("control_id",), "Safety controls", "安全管理措置"),
)

BY_NAME = {t.name: t for t in TABLES}


def table(name: str) -> Table:
    return BY_NAME[name]
