"""Reading rules from the real set's development halves (tests/policy/real): published policies of small
operators. The texts here are invented; they only share the forms those policies use."""
from __future__ import annotations

from policy.lexicon import load
from policy.scan import scan_text
from policy.segment import segments_of


def test_numbered_titles_share_their_numbering():
    text = ("1. 取得する情報\n- メールアドレス\n2. 利用目的\n- ニュースレターの配信\n3. 保有期間\n退会まで保有します。\n"
            "4. 外国にある第三者への提供\nデータは日本国外で保存される場合があります。\n5. アカウント情報\n"
            "会員登録の際に氏名を取得します。\nメールマガジンは同意された方にのみ送ります。\n")
    _, segs = segments_of(text, load())
    assert [s.text for s in segs if s.heading] == ["取得する情報", "利用目的", "保有期間", "外国にある第三者への提供",
                                                   "アカウント情報"]
    # so a consent to newsletters under 5. is not read as the route of the foreign section 4.
    r = scan_text(text)
    assert (r["foreign_transfer"], r["countries"]) == ("mentioned_without_safeguards", [])
    # items of a numbered list under a heading stay items: "3." follows item "2.", not the heading
    _, segs = segments_of("2. 利用目的\n1. 商品の発送\n2. お問い合わせへの回答\n3. 新商品のご案内\n", load())
    assert [s.text for s in segs if s.heading] == ["利用目的"]


def test_a_sub_heading_of_the_foreign_article_is_still_abroad():
    text = ("第4条（外国にある第三者への提供）\n当社は、お客様の個人情報を米国の事業者に提供することがあります。\n"
            "1. 当該事業者が講ずる措置\n当社は、同社との間でデータ処理契約（DPA）に同意しています。\n")
    assert scan_text(text)["foreign_transfer"] == "equivalent_measures"
    # without the article above, the sub-heading's sentence says nothing of abroad
    assert scan_text("1. 当該事業者が講ずる措置\n当社は、同社との間でデータ処理契約（DPA）に同意しています。\n"
                     )["foreign_transfer"] == "none_stated"


def test_the_operator_agreeing_to_a_contract_is_not_consent():
    for text in ("We have agreed to the data processing addendum of our cloud provider in the United States.",
                 "当社は、米国のクラウド事業者との間でデータ処理契約（DPA）に同意しています（2026年5月同意）。"):
        assert scan_text(text)["foreign_transfer"] == "equivalent_measures", text
    r = scan_text("We store data with Nimbus Inc. in the United States with your consent.")
    assert r["foreign_transfer"] == "consent"


def test_visitors_from_abroad_are_no_foreign_handling():
    for text in ("欧州経済領域（EEA）・英国からのアクセスについては、同意管理ツールでCookieの利用を選択いただけます。",
                 "Visitors from the EEA or the UK can choose analytics cookies in our consent tool."):
        r = scan_text(text)
        assert (r["foreign_transfer"], r["countries"]) == ("none_stated", []), text
    assert scan_text("We send your e-mail address to a mailing service in the UK.")["countries"] == ["GB"]


def test_a_route_in_the_condition_is_no_claim():
    # the route is the condition ("where we obtain consent …, we give you …"): the practice has no route
    r = scan_text("Some data is stored on cloud services outside Japan. Where we obtain your consent to provide "
                  "personal information to a third party in a foreign country, we give you the following information.")
    assert r["foreign_transfer"] == "mentioned_without_safeguards"
    # the route is the rule the transfers follow: it counts beside a practice
    r = scan_text("データは米国のクラウドに保管しています。外国にある第三者に個人データを提供する場合には、基準に適合する"
                  "体制を整備していることを確認します。")
    assert r["foreign_transfer"] == "equivalent_measures"
    # 「提供を行う場合は」 is a conditional promise: alone, it describes no transfer
    r = scan_text("弊社は、外国にある第三者へ個人データの提供を行う場合は、法令に従い同意を取得します。")
    assert (r["foreign_transfer"], r["countries"]) == ("none_stated", [])


def test_provision_named_as_a_topic_is_no_flow():
    for text in ("In connection with provision to third parties in foreign countries, we take the measures the Act "
                 "requires.",
                 "Any transfer of such information to other apps will comply with the platform's data policy.",
                 "Calendar data is used only for providing the Service and is never used for marketing or provision "
                 "to any third party.",
                 "If you consent to this provision, we will send your name to the organizer."):
        assert scan_text(text)["third_party_provision"] is False, text
    for text in ("We provide your name to the organizer of the event.",
                 "Calendar data is used for providing the Service, and we share your name with the organizer."):
        assert scan_text(text)["third_party_provision"] is True, text


def test_an_exception_item_that_states_a_flow_is_provision():
    text = ("当事務局は、以下の場合を除き、ご本人の同意なく個人情報を第三者に提供しません。\n"
            "・応募時：求職者が応募した場合、応募先の医院に対し、氏名と職務経歴を提供します。\n・法令に基づく場合\n")
    assert scan_text(text)["third_party_provision"] is True
    text = ("We do not share personal data with third parties except:\n- Applications: when you apply, we provide "
            "your CV to the clinic.\n- where required by law\n")
    assert scan_text(text)["third_party_provision"] is True
    text = "当事務局は、以下の場合を除き、個人情報を第三者に提供しません。\n・法令に基づく場合\n・ご本人の同意がある場合\n"
    assert scan_text(text)["third_party_provision"] is False


def test_an_art28_provision_to_our_own_cloud_is_consignment():
    text = ("外国にある第三者への提供\n当社は、お客様の個人情報を外国にある事業者に提供することがあります。"
            "これは、当社が利用するクラウドサービスの運営事業者が米国に所在するためです。\n")
    r = scan_text(text)
    assert r["third_party_provision"] is False and r["foreign_transfer"] == "mentioned_without_safeguards"
    text = ("外国にある第三者への提供\n当社は、お客様の同意を得て、お客様の個人情報を外国にある事業者に提供することがあります。"
            "提供先は米国の提携旅行会社です。\n")
    assert scan_text(text)["third_party_provision"] is True


def test_outsourcing_said_plainly():
    for text in ("本サービスは、次の事業者に処理の一部を任せています。",
                 "取得した情報は、当サイトが利用する外部のデータベースサービスに保存します。",
                 "We use external services such as hosting and a database, on which the information is stored."):
        assert scan_text(text)["outsourcing"] is True, text
    for text in ("アップロードされたファイルは外部サーバーに送信されることなく、ブラウザ内で処理されます。",
                 "All processing is done by our own staff."):
        assert scan_text(text)["outsourcing"] is False, text


def test_safeguards_from_the_real_development_half():
    # a basic policy section counts, even one that only promises to obey the law (three of the four real-set
    # authors read it so; tests/policy/real/README.md); the document's own title does not
    r = scan_text("個人情報保護方針\n1. 基本方針\n当社は、法令を遵守して個人情報を取り扱います。\n2. 利用目的\n商品の発送\n")
    assert r["safeguards"]["basic_policy"]
    assert not scan_text("個人情報保護方針\n当社は、法令を遵守して個人情報を取り扱います。\n")["safeguards"]["basic_policy"]
    # an item of the PPC's summary list and a Japanese access-rights item
    r = scan_text("安全管理のために講じた措置の概要は以下のとおりです。\n（1）基本方針の策定\n"
                  "（2）個人情報を取り扱うことのできる機器やアクセス権者を明確にし、不要なアクセスを防止\n")
    assert r["safeguards"]["basic_policy"] and r["safeguards"]["technical"]
    # 「組織的措置」 alone on its line over its measure, as a definition list shows it
    r = scan_text("7. 安全管理措置\n組織的措置\n操作を記録しています\n物理的措置\nデータセンターの管理策に依拠しています\n")
    assert r["safeguards"]["organizational"] and r["safeguards"]["physical"]
    # the harms every policy promises to prevent name no technical measure; a firewall does
    assert not scan_text("弊社は、個人情報への不正アクセス、紛失、毀損を防止します。")["safeguards"]["technical"]
    assert scan_text("外部からの不正アクセスを防ぐため、ファイアウォールを設置しています。")["safeguards"]["technical"]
    # choosing a consignee and its contract terms are supervision of others, not our personnel measures
    r = scan_text("弊社は、委託先を選定し、委託契約において、安全管理措置、秘密保持、再委託の条件等を定めます。")
    assert not r["safeguards"]["personnel"]
    # theft reported to the police is no physical measure; preventing theft of devices is
    assert not scan_text("Suspected crimes such as theft or extortion are reported to the police.")["safeguards"]["physical"]
    assert scan_text("We take measures against the theft of laptops.")["safeguards"]["physical"]
    assert scan_text("The Company restricts employees from viewing user data.")["safeguards"]["technical"]
    # where to read about a foreign regime is information for consent, not an understanding of it
    r = scan_text("米国の個人情報の保護に関する制度については、個人情報保護委員会の「外国における個人情報の保護に関する制度等の"
                  "調査」をご覧ください。")
    assert not r["safeguards"]["external_environment"]


def test_special_care_from_the_real_development_half():
    # the Japanese follow-up leaves its object out
    r = scan_text("故障歴などは「要配慮個人情報」にあたることがあります。ご本人の同意をいただいた場合にだけお預かりします。")
    assert r["special_care"] == "collected_with_consent"
    r = scan_text("故障歴などは「要配慮個人情報」にあたることがあります。会員証をお預かりします。")
    assert r["special_care"] != "collected_with_consent"
    assert scan_text("No sensitive private individual data is ever collected.")["special_care"] == "not_collected"


def test_categories_from_the_real_development_half():
    # Japanese denials with こと/も: nothing collected
    for text in ("氏名・メールアドレス・住所などの個人を特定できる情報を取得することはありません。",
                 "走った経路（位置情報）は、送信も保存もしません。",
                 "フォームの動画：お使いの端末の中だけで解析します。",
                 "Your running form video is analysed only on your device."):
        assert scan_text(text)["categories"] == [], text
    assert "location" in scan_text("走った経路（位置情報）を保存します。")["categories"]
    # the operator's own address in its contact block
    for text in ("住所　〒812-0011 福岡県福岡市博多区博多駅前1丁目", "住所・代表者名は、お問い合わせいただければお答えします。"):
        assert "postal_address" not in scan_text(text)["categories"], text
    assert "postal_address" in scan_text("ご注文の際に住所をお伺いします。")["categories"]


def test_categories_read_in_the_third_round():
    # full-width Latin letters are the same letters
    assert "ip_address" in scan_text("当社は、ＩＰアドレスを取得します。")["categories"]
    # the operator's own number and address given as values, or said to be given on request
    for text in ("電話番号 03-3249-4104", "電話番号： 0120-700-799", "住所 東京都中央区日本橋1-2-3 ビル8階",
                 "Our address will be provided without delay upon request."):
        assert scan_text(text)["categories"] == [], text
    assert "phone_number" in scan_text("お申込みの際に電話番号をお伺いします。")["categories"]
    # users asked not to enter items; a site that uses no cookies
    for text in ("Users should not enter or upload addresses, phone numbers or passwords into the chat.",
                 "The Site currently does not use cookies or other tracking technologies.",
                 "当社ウェブサイトでは、Cookieを使用したアクセス解析ツールは導入しておりません。"):
        assert scan_text(text)["categories"] == [], text
    assert "cookie_id" in scan_text("The Site uses cookies to keep you signed in.")["categories"]


def test_forms_from_the_second_real_batch():
    # said not to be provision; a tool the operator uses is a consignee
    for text in ("The use of the above services constitutes outsourcing and is not considered provision to third "
                 "parties under applicable laws.",
                 "本サービスは以下のサービスを利用しており、これらの事業者に情報が送信されます。"):
        assert scan_text(text)["third_party_provision"] is False, text
    # "may be transmitted to each provider" (an information-collection module) and a DMP are recipients
    for text in ("User usage information may be transmitted to each provider accordingly.",
                 "当社は、Cookie等の情報を第三者が運営するデータ・マネジメント・プラットフォームに提供します。"):
        assert scan_text(text)["third_party_provision"] is True, text
    # a purpose list whose lead-in mentions consent in passing is still a purpose list
    text = ("We use personal information for the following purposes, except where you have consented otherwise:\n"
            "- To provide personal information to third parties to the extent necessary for the services\n")
    assert scan_text(text)["third_party_provision"] is True
    # a refusal without consent and a case 「…提供した場合」 describe no transfer abroad
    for text in ("当社は、あらかじめ利用者の同意を得ないで、第三者（日本国外にある者を含みます。）に提供しません。",
                 "国外のサーバ等に保存し得る場合は、法令が求める同意、契約等の措置を講じます。"):
        r = scan_text(text)
        assert (r["foreign_transfer"], r["countries"]) == ("none_stated", []), text
    assert scan_text("当社は、米国のサーバに個人データを保存しています。")["foreign_transfer"] == "mentioned_without_safeguards"


def test_a_definitions_section_declares_nothing():
    text = ("Article 1 (Definitions)\n1. Personal Information\nIt is information that can identify an individual by "
            "name, date of birth or address.\nArticle 2 (Information We Collect)\nWe collect your e-mail address.\n")
    assert scan_text(text)["categories"] == ["email_address"]
    text = "第1条（定義）\n個人情報とは、氏名、生年月日、住所など特定の個人を識別できる情報をいいます。\n第2条（取得する情報）\n氏名を取得します。\n"
    assert scan_text(text)["categories"] == ["name"]


def test_conditions_and_title_lines_in_the_second_batch():
    # a 。 inside brackets does not end the condition; a bare title line names no transfer
    for text in ("但し、次に掲げる必要があり第三者（日本国外にある者を含みます。）に提供する場合はこの限りではありません。",
                 "第三者提供、国外移転、委託"):
        r = scan_text(text)
        assert (r["foreign_transfer"], r["countries"]) == ("none_stated", []), text
    # the verb sits in a condition that closes after it: no provision
    text = "国外にある第三者に提供し、又は、国外のサーバ等に保存し得る場合は、法令が求める措置を講じます。"
    assert scan_text(text)["third_party_provision"] is False
    assert scan_text("当社は、提携するホテルに氏名を提供し、予約を確定します。")["third_party_provision"] is True


def test_provision_forms_from_the_third_batch():
    # an AI model provider that runs the operator's own feature processes the input for it
    for text in ("ユーザーの入力したデータの一部は、AI機能の利用によりLLM事業者に送信されます。",
                 "Before you first use an AI feature, we ask for your consent to send the above information to AI "
                 "companies."):
        assert scan_text(text)["third_party_provision"] is False, text
    # 「上記にかかわらず…以下の者に対して提供する場合があります」 is a practice
    assert scan_text("上記にかかわらず、当社は、本人の同意を得た上で、個人データを以下の者に対して提供する場合があります。"
                     )["third_party_provision"] is True
    # a purpose list whose lead-in names "business purposes" before an exception
    text = ("The Company uses it within the scope of the following business purposes, except where consent has been "
            "obtained:\n- To provide personal information to third parties to the extent necessary for the above\n")
    assert scan_text(text)["third_party_provision"] is True
    # an ad service listed under the provision heading is a recipient; a sentence about analytics is not
    listed = ("3. Third-Party Provision\nWe do not provide your information to third parties without consent except "
              "where required by law. The App integrates with the following services:\n"
              "- AdMob (Google LLC) — Ad delivery and effectiveness measurement\n")
    assert scan_text(listed)["third_party_provision"] is True
    prose = ("3. Third-Party Provision\nWe use Google Analytics to understand how visitors use the site.\n"
             "No personal data is provided to Google.\n")
    assert scan_text(prose)["third_party_provision"] is False
    abroad = "6. 外国にある第三者への提供\n- アクセス解析（Google Analytics）\n"
    assert scan_text(abroad)["third_party_provision"] is False


def test_foreign_and_outsourcing_forms_from_the_third_batch():
    # a refusal without consent "including those outside Japan" claims no consent route
    text = ("We store data with Lemon Inc. in the United States.\n"
            "We do not provide personal information to third parties (including those outside Japan) without your "
            "prior consent, except in the following cases:\n")
    assert scan_text(text)["foreign_transfer"] == "mentioned_without_safeguards"
    assert scan_text("当社は、本人の同意を得ずに、個人データを外国に提供しません。")["foreign_transfer"] == "none_stated"
    # SCCs for EU users under the GDPR are not an Art. 28 route
    text = ("If you are located in the EU, your personal data may be transferred to the United States. Such transfers "
            "are governed by the European Commission's Standard Contractual Clauses as required by GDPR Chapter V.")
    assert scan_text(text)["foreign_transfer"] == "mentioned_without_safeguards"
    assert scan_text("We transfer data to Nimbus Inc. in the United States under a contract that ensures measures "
                     "equivalent to those required by the APPI.")["foreign_transfer"] == "equivalent_measures"
    # recipients bound by data processing agreements process for the operator
    r = scan_text("We share data with the following services:\n- Nimbus (database hosting)\n"
                  "All third parties are bound by data processing agreements.\n")
    assert r["outsourcing"] is True


def test_categories_from_the_third_batch():
    # sign-in through another service's account is a social-media profile
    for text in ("If you sign in with Apple or Google, we receive your email address.",
                 "Email address (collected via Google OAuth).",
                 "Google アカウントによるログインに対応しています。",
                 "ソーシャルネットワークサービス等の外部サービスとの連携を許可した場合、IDを取得します。"):
        assert "social_media_profile" in scan_text(text)["categories"], text
    # what a requester sends under the request procedure is checked, not collected
    text = ("第2条（取得する情報）\n・運転免許証の写し（年齢確認のため）\n"
            "第8条（開示等の請求手続）\n・運転免許証、パスポートの写しのいずれか1つ\n")
    r = scan_text(text)
    assert [e["text"] for e in r["evidence"] if e["value"] == "identity_document"] == ["運転免許証の写し（年齢確認のため）"]
    # a place name, the operator's name, the app's iOS version, a card number the operator never receives
    for text, term in (("We show the place name of the photo's location.", "name"),
                       ("Contact point: 【Operator name】 Personal Information Desk", "name"),
                       ("The iOS version's license is sold as an in-app purchase.", "device_id"),
                       ("Only Stripe handles card numbers; we do not receive them.", "payment_card")):
        assert term not in scan_text(text)["categories"], text
    assert "name" in scan_text("We collect your name when you register.")["categories"]


def test_safeguards_from_the_third_batch():
    # SSL straight after kana, and a security system kept up, are technical
    assert scan_text("当社は、入力時にSSL（Secure Sockets Layer）技術を使用しています。")["safeguards"]["technical"] is True
    assert scan_text("不正アクセスを防止するため、セキュリティシステムの維持に努めます。")["safeguards"]["technical"] is True
    # a protection policy said to be formulated is a basic policy; the title alone is not
    assert scan_text("前文。\n個人データの適正な取扱いの確保のため、個人情報保護方針を策定しています。"
                     )["safeguards"]["basic_policy"] is True
    # the kinds of measure named in one breath, none described
    for text in ("We implement appropriate technical and organizational safety management measures to prevent "
                 "unauthorized access, leakage, alteration, or loss.",
                 "当社は、組織的、人的、物理的及び技術的な安全管理措置を講じます。",
                 "漏洩、紛失、改ざんを防止するため、組織的、人的、物理的及び技術的な安全管理措置を講じます。"):
        assert not any(scan_text(text)["safeguards"].values()), text
    r = scan_text("We take organizational and technical measures, such as access control and staff training.")
    assert r["safeguards"]["technical"] is True and r["safeguards"]["personnel"] is True


def test_a_hard_wrapped_paragraph_reads_as_its_sentences():
    text = ("## 10. Services outside Japan\n\nPostHog, Inc. and Cloudflare, Inc. are companies in the United States and process\n"
            "information on servers there. We also use\nservice providers (e.g., payment processors) under agreements.\n")
    _, segs = segments_of(text, load())
    assert [s.text for s in segs if not s.heading] == [
        "PostHog, Inc. and Cloudflare, Inc. are companies in the United States and process information on servers there.",
        "We also use service providers (e.g., payment processors) under agreements."]
    r = scan_text(text)
    assert r["outsourcing"] is True and r["countries"] == ["US"]
    assert all(text[e["start"]:e["end"]] == e["text"] for e in r["evidence"])
    assert any("\n" in e["text"] for e in r["evidence"])
    # a finished line, a capitalised line and a list item each stay lines of their own
    _, segs = segments_of("We keep logs.\nthey are deleted in a year\nWe do not sell data\nAnd we never will\n- a\n- b\n",
                          load())
    assert len([s for s in segs]) == 6


def test_special_care_taken_without_consent_wording():
    # items under a heading of special-care data, and a purpose that needs it: taken, so handed over with consent
    text = "第2条（収集する情報）\n身体・健康情報（要配慮個人情報）\n- 健康状態、病歴、アレルギー情報\n"
    assert scan_text(text)["special_care"] == "collected_with_consent"
    text = "利用目的\n- 医薬品を安全に使用していただくために必要な事項の把握（副作用歴、既往歴、アレルギー）\n"
    assert scan_text(text)["special_care"] == "collected_with_consent"
    # a refusal 「取得、利用又は提供を行いません」
    r = scan_text("健康診断の結果等の健康情報については、法令に基づく場合を除いて、取得、利用又は提供を行いません。")
    assert r["special_care"] == "not_collected"


def test_safeguards_from_the_fourth_batch():
    # the harms a measure is for name no physical measure; locked storage does
    r = scan_text("当社は、個人情報の漏洩、紛失、改ざんを防止するため、適切な安全管理措置を講じます。")
    assert not any(r["safeguards"].values())
    assert scan_text("書類の紛失を防止するため、施錠できる書庫に保管します。")["safeguards"]["physical"] is True
    # internal rules, a responsible person, a policy laid down, staff supervision
    for text, key in (("安全管理措置\n- 個人情報取扱いに関する社内ルールの策定および遵守\n- 従業者の教育\n", "rules"),
                      ("当方（運営者本人）が責任者として個人データを取り扱います。", "organizational"),
                      ("個人情報保護管理者：総務部長", "organizational"),
                      ("前文。\n当社全従業者が遵守すべき行動基準として本個人情報保護方針を定めます。", "basic_policy"),
                      ("These measures include access restrictions and staff supervision.", "personnel")):
        assert scan_text(text)["safeguards"][key] is True, text


def test_categories_from_the_fourth_batch():
    # what a processor takes directly, or what never reaches the operator
    assert scan_text("本人確認書類・銀行口座の情報は、Stripeが直接取得・管理し、当方は受け取りません。")["categories"] == []
    assert "payment_card" not in scan_text("決済情報: クレジットカード情報（PAY.JPを通じて処理）")["categories"]
    assert "payment_info" not in scan_text("Payment details such as card numbers never reach us.")["categories"]
    # the operator's own name and address, given on request
    assert scan_text("運営者の氏名・住所：ご請求をいただいた場合には、遅滞なくお答えします。")["categories"] == []
    assert "bank_account" in scan_text("返金のため、銀行口座の情報を取得します。")["categories"]


def test_device_information_is_not_a_device_identifier():
    for text in ("デバイス情報（OS種別・バージョン）を取得します。", "We collect device information such as the model and OS."):
        assert "device_id" not in scan_text(text)["categories"], text
    for text in ("端末識別子を取得します。", "We collect the app instance ID and device model."):
        assert "device_id" in scan_text(text)["categories"], text


def test_sharing_forms_from_the_fifth_batch():
    # contractors named by their work, an AI provider, data disclosed "to a contractor"
    for text in ("サービス提供者\n配送業者、決済処理業者など、サービス提供に必要な第三者パートナー\n",
                 "主要な連携先AI事業者\n- OpenAI\n",
                 "When the Company discloses personal information to a contractor, it supervises the contractor."):
        r = scan_text(text)
        assert r["outsourcing"] is True and r["third_party_provision"] is False, text
    # anonymised data sent to an analytics vendor is not provision
    r = scan_text("Google Analytics を通じて、匿名化された情報が Google に送信されます。")
    assert r["third_party_provision"] is False


def test_categories_from_the_fifth_batch():
    # users asked not to enter items, and the operator's own number beside its representative and address
    for text in ("個人情報の入力は避けてください（氏名、住所、電話番号等）。",
                 "代表者名・所在地・電話番号は「特定商取引法に基づく表示」に記載しています。"):
        assert scan_text(text)["categories"] == [], text
    assert scan_text("お申込みの際に氏名、住所、電話番号を取得します。")["categories"] == [
        "name", "phone_number", "postal_address"]


def test_external_services_the_operator_runs_on_are_outsourcing():
    for text in ("第5条 外部サービスの利用\n当社は、本サービスの運営のため、以下の外部サービスを利用しています。\n- クラウドホスティング\n",
                 "- Supabase: データベースおよび認証基盤として利用（AWS リージョン）\n"):
        assert scan_text(text)["outsourcing"] is True, text
    # analytics tools alone are not
    assert scan_text("当社は、Webサイトの利用状況を分析するため、以下のツールを使用しています：\n- Google Analytics\n"
                     )["outsourcing"] is False
