"""The urgent intent's alarms: phrases that escalate by themselves and that no model learns from.

A keyword or an example of the urgent intent is also text the n-gram model and BM25 learn from,
so adding one moves other messages' scores, and emergencies held on a thin margin with them
(README, "How it understands a message"). An alarm must move nothing but the messages that
contain it: the same content with and without alarms ranks every other message identically.
An alarm pair escalates only with a phrase of each half. That no calm example of the content
holds an alarm, nor an urgent one a hypothetical opener, `madoguchi kb check` says
(tests/nlu/test_conflicts.py).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.content.loader import Content
from bot.nlu.match import Matcher
from bot.nlu.phrases import terms
from tests.nlu.phrase_tables import matchers_of, with_and_without

MESSAGES = [
    "my daughter is having a seizure and her lips are blue",
    "anak saya pingsan, gimana ini",
    "祖母が倒れて意識がない",
    "how many days of paid leave do I get",
    "救急車は何番ですか",
    "boss hit me again today",
    "the warehouse is on fire and my coworker is trapped upstairs",
    "火事で同僚がまだ中に取り残されている",
    "gempa, teman saya terperangkap di gudang",
    "stuck in traffic, will I lose pay for being late?",
    # an injury at work the employer wants hidden: two halves, neither an alarm alone
    "broke my finger at the press, boss says tell the doctor i did it at home",
    "現場で足を骨折したのに、社長に労災にするなと言われた",
    "ngã ở công trường, công ty bắt khai là té ở nhà",
    "I hurt my back lifting boxes, how many sick days do I get?",
    "if my boss tells me not to report my overtime, is that legal?",
    # no money left and nothing to eat
    "out of money since last week and nothing to eat in the dorm, payday is 10 days away",
    "お金がない。給料日まであと一週間、三日も何も食べていない",
    "no money for a new phone, can I get an advance on my wages?",
    # wages unpaid and a threat
    "three months of salary unpaid, when I asked the boss said he'll cancel my visa and send me"
    " home",
    "cong ty no luong 2 thang roi, hoi thi bi doa duoi ve nuoc",
    "my wages are unpaid this month because the company is late, when will I get them?",
    # the spoken forms of Japanese alarms
    "お迎えのあと息子が痙攣してる、どうしよう",
    "おじいちゃんが息してない",
]


@pytest.fixture(scope="module")
def contents() -> tuple[Content, Content]:
    """Six entries and every intent (quick to fit), with the shipped alarms and without."""
    return with_and_without("urgent", alarms={}, alarm_pairs=[], guarded_alarms=[])


@pytest.fixture(scope="module")
def matchers(contents, tmp_path_factory) -> tuple[Matcher, Matcher]:
    return matchers_of(contents, tmp_path_factory.mktemp("vectors"))


def test_an_alarm_is_found_as_a_phrase_in_any_language(matchers) -> None:
    alarmed, quiet = matchers
    assert alarmed.rank(MESSAGES[0], None).alarm
    assert alarmed.rank(MESSAGES[1], None).alarm
    assert alarmed.rank(MESSAGES[2], None).alarm
    assert all(alarmed.rank(text, None).alarm for text in MESSAGES[21:23])  # as spoken
    assert not any(quiet.rank(text, None).alarm for text in MESSAGES)
    # someone trapped right now, by fire or a collapse
    assert all(alarmed.rank(text, None).alarm for text in MESSAGES[6:9])
    # a phrase, not a bag of its words
    assert not alarmed.rank("the seizure of a ship, the sailors having lunch", None).alarm
    assert not alarmed.rank(MESSAGES[9], None).alarm  # stuck, but not trapped


def test_an_alarm_pair_needs_both_halves(matchers) -> None:
    alarmed, _ = matchers
    # an injury and being told to hide it, in English, Japanese and unaccented Vietnamese
    assert all(alarmed.rank(text, None).alarm for text in MESSAGES[10:13])
    assert alarmed.rank("nga o cong truong, cong ty bat khai la te o nha", None).alarm
    # an injury alone, or the words of a cover-up without an injury, are calm questions
    assert not alarmed.rank(MESSAGES[13], None).alarm
    assert not alarmed.rank(MESSAGES[14], None).alarm
    # the halves are phrases: "tell the doctor" is not "the doctor told"
    assert not alarmed.rank("I broke my arm and the doctor told me to rest", None).alarm
    # no money and no food; no money alone is a calm question
    assert all(alarmed.rank(text, None).alarm for text in MESSAGES[15:17])
    assert not alarmed.rank(MESSAGES[17], None).alarm
    # wages unpaid and a threat; wages late alone are a calm question
    assert all(alarmed.rank(text, None).alarm for text in MESSAGES[18:20])
    assert not alarmed.rank(MESSAGES[20], None).alarm


# Alarms and pairs as people type them, each with calm messages that hold one half or a look-alike
# (being stalked is not "work dumped on me", 押しつけられて, nor "follow the rules"): injuries
# are not only cuts and falls; Vietnamese "đừng có" for "đừng", Indonesian "abis" for "habis";
# a fire now with someone still inside, in words no single alarm names, where the words of fire
# insurance, fire exits or running upstairs are no fire; money "down to" a few yen.
TYPED = {
    "chemicals and colloquial spellings": (
        [
            "chemicals splashed in my eyes at the plant and the foreman says don't report it",
            "hóa chất bắn vào mắt, tổ trưởng bảo rửa nước thôi, đừng có khai rosai",
            "hoa chat ban vao mat, to truong noi dung co bao ai",
            "duit udah abis, beras abis, gajian masih dua minggu lagi",
        ],
        [
            "what do I do if a chemical gets in my eyes at work?",
            "abis makan siang boleh pulang duluan ga?",
        ],
    ),
    "a sprain the foreman wants hidden (dev52's missed emergency)": (
        ["搬货时脚崴了，肿得走不了路，主管不让报工伤，让我忍着别说"],
        ["宿舍楼梯上把脚扭了，现在肿得很厉害，能请病假吗？"],
    ),
    "a fire with someone who cannot get out": (
        [
            "fire in the warehouse, my coworker is still inside",
            "xưởng bị cháy, còn 2 người ở trên lầu",
            "工場で火事、まだ中に人がいる",
            "incêndio na obra, tem gente presa no terceiro andar",
        ],
        [
            "where is the fire exit on the second floor?",
            "火災保険は2階の事務所も入る？",
            "chạy lên tầng 2 lấy hồ sơ giúp chị nhé",  # "chạy" (run) folds as "cháy" (burn)
            "what number do I call if there is a fire?",
        ],
    ),
    # in spaced hiragana, as easy Japanese types it (`dev103`'s missed emergency, read after its
    # judgement: 「2かい に まだ ひと いる」); a fire drill on the second floor is no emergency
    "a fire with someone inside, in spaced hiragana": (
        [
            "そうこ が かじ です。なか に ひと が います",
            "みせ が もえて いる！ 3かい に まだ ひと が いる",
        ],
        [
            "かじ の くんれん は 2かい の へや で します か",
            "ひなんくんれん で 2かい から おりる みち を おしえて",
        ],
    ),
    "being stalked": (
        [
            "the night manager has been following me home for a week, he was at my gate again",
            "店長に帰り道もつけられてるみたいで、今日はアパートの前で待ち伏せされた",
            "领班这几天一直跟着我到宿舍楼下，我不敢出门",
            "tổ trưởng tối nào cũng bám theo em ra ga, em sợ lắm",
            "반장이 요즘 퇴근할 때마다 따라와요. 오늘은 기숙사 앞까지 왔어요",
            "ward manager le raati dorm samma pachhyaunchha, dar lagyo",
            "senpai di pabrik nguntit aku tiap malam sampe asrama",
            "sinusundan ako ng leader namin hanggang dorm gabi-gabi",
            "o líder do turno fica me seguindo até o dormitório",
            # to the station, and groping said of the writer (`dev92`'s missed emergency, read
            # after its judgement: "đi theo em tới tận ga")
            "bếp trưởng quán phở cứ đi theo em tới tận bến xe buýt mỗi tối, em sợ không dám về một mình",
            "hai tuần nay anh tổ phó cứ sờ soạng em lúc ca đêm, nói ai cũng vậy",
            "シフトのあと、副店長が駅までついてくる。LINEもブロックしたのに",
            "yung foreman sa site sumusunod sa akin pauwi tuwing gabi, alam na nya yung dorm ko",
        ],
        [
            "is there a law against stalkers in Japan?",
            "仕事を押しつけられてばかりでつらい、どこに相談できる？",
            "kita harus ngikutin aturan kantor soal cuti gak?",
            "do I have to follow my manager's instructions about overtime?",
            "sếp đi theo em tới hội thảo ở Shinjuku để học về trợ cấp, em nên chuẩn bị gì?",
            "駅まで送ってくれる先輩がいて助かってます。この会社の有給は何日ですか",
        ],
    ),
    # the cover-up as it is said: forbidden to report or claim, told what to tell, kept quiet;
    # the same injury asked about calmly, or one's own choice not to claim, is no cover-up
    "a hidden injury as it is said": (
        [
            "slipped off the forklift and broke my wrist, I'm not allowed to claim rosai they said",
            "手の指を機械に挟まれて骨折した。社長から口止めされてる",
            "从架子上摔下来扭伤了腰，老板不准报工伤，还让我说是自己摔的",
            "chân bị gãy mà chủ bảo cấm khai rosai, ai hỏi thì khai là tự ngã",
            "작업하다 손가락이 부러졌는데 사장이 신고하지 말래요",
            "kaki saya patah di gudang, mandor bilang dilarang lapor rosai",
            "nabali braso ko sa planta, bawal sabihin daw na sa trabaho nangyari",
            "quebrei o pé na obra e o encarregado proibiu de notificar o rousai",
            "tangan saya terjepit mesin, kata mandor gak usah dilaporin, nanti diurus sendiri",
        ],
        [
            "I hurt my back last year and chose not to claim, can I still apply now?",
            "骨折で休んだ分の給料、会社に申請するには何が必要？",
            "nếu bị ngã ở công trường thì khai rosai thế nào",
        ],
    ),
    # a threat to hand the worker to immigration; reporting to immigration oneself is calm
    # a means of self-harm saved up or at hand, or a note written (never a bare "jump", 飛び込み
    # or 跳楼, which sells at a rock-bottom price, nor 목을 매 without what follows: 매일)
    "self-harm prepared": (
        [
            "I've been saving up pills for weeks, tonight I'm done",
            "睡眠薬をためてある。もう疲れた",
            "这几个月我偷偷攒了安眠药",
            "em gom thuốc ngủ mấy tháng rồi, không muốn sống nữa",
            "유서를 썼어요. 다들 미안해요",
            "udah nimbun obat tidur, aku capek banget",
            "nag-ipon ng pampatulog na ako, pagod na ako sa lahat",
            "já juntei remédios suficientes, não aguento mais",
        ],
        [
            "跳楼价！员工宿舍的二手冰箱便宜卖",
            "목을 매일 스트레칭하면 어깨 결림에 좋아요?",
            "プールの飛び込み禁止って会社の保養所でも同じ？",
            "新しい薬をためしてもいいか産業医に聞きたい",
            "do I have to take all my pills before the health check?",
            "can I jump the queue at the ward office for my residence card?",
        ],
    ),
    "handed to immigration": (
        [
            "the owner says if I quit he will call immigration on me",
            "辞めたら入管に通報するぞって店長に言われた",
            "老板说我再提工资就叫入管来抓",
            "mandor bilang mau laporin ke imigrasi kalau saya protes",
            "o gerente falou que vai me denunciar pra imigração se eu reclamar",
        ],
        [
            "how does a company report a foreign worker leaving to immigration?",
            "入管に引っ越しの届け出はいつまでに必要？",
            "kalau pindah alamat harus lapor ke imigrasi juga gak?",
        ],
    ),
    # someone choking or turning blue now (never a bare "choking", 窒息 or 질식, which safety
    # questions use), and a boss waiting outside one's room at night
    "choking, or waited for at night": (
        [
            "my coworker is choking on a piece of meat and can't talk",
            "お客さんのおじいさんがお餅をのどに詰まらせた",
            "孩子吃糖卡在喉咙了，嘴唇发紫",
            "bé nhà chị bị hóc xương cá, khóc không ra tiếng",
            "anak teman saya tersedak permen, wajahnya membiru",
            "engasgado com carne no restaurante, ficando roxo",
            "quản lý nhắn tin suốt, đêm nào cũng đợi trước nhà em",
        ],
        [
            "what should our choking hazard sign say for the daycare corner?",
            "窒息のおそれがあるタンク内作業の特別教育はどこで受けられる？",
            "phòng trọ em ở gần ga, đăng ký địa chỉ mới ở đâu?",
        ],
    ),
    # caught in a machine and told to endure it, a door locked from outside, wages missing with a
    # threat to be sent home; enduring a long shift, a door locked from inside, unpaid leave are calm
    "caught, shut in, sent home": (
        [
            "腕がベルトコンベアに巻き込まれた。班長は我慢しろって言うだけ",
            "my sleeve got caught in the machine and crushed my hand, foreman says tough it out",
            "手被卷进机器了，组长让我忍着干完",
            "夜になると寮のドアが外から鍵で閉められて、トイレにも行けない",
            "the supervisor keeps our dorm door locked from the outside at night, none of us can leave",
            "ca đêm xong là ký túc xá bị khóa từ bên ngoài, không ai ra được",
            "3 thang ko co luong, ai hoi la cong ty cho ve nuoc",
        ],
        [
            "my trainer says I should tough it out for the first month of night shifts, is that normal?",
            "can we lock the office from the inside when working late alone?",
            "xin nghỉ không lương 1 tuần về nước có được không",
        ],
    ),
    # someone pinned under something now, as it is said (Vietnamese "bị đè" alone folds onto
    # "bị để", as in "thiết bị để chạy thử"); thrown out with nowhere to sleep tonight
    "pinned under, or thrown out tonight": (
        [
            "the racking came down in the quake and my coworker is trapped under it",
            "kệ sắt đổ, chị Hoa bị kẹt dưới không ai kéo ra được",
            "lindol, yung kasama ko naipit sa ilalim ng makina",
            "gempa, atap gudang ambruk, satu orang tertimpa",
            "社长今天把我赶出宿舍了，今晚没地方住",
            "they kicked me out of the dorm an hour ago and I have nowhere to sleep",
            "hôm nay bị đuổi ra khỏi ký túc, giờ không có chỗ ngủ",
            "me botaram pra fora do alojamento, não tenho onde dormir hoje à noite",
            "지진 때문에 선반이 넘어져서 동료가 밑에 깔려 있어요",
        ],
        [
            "có được mượn thử thiết bị để chạy thử làm việc từ xa không?",
            # 깔려 있다 is also "installed": a disaster app on the phone
            "방재 앱이 휴대폰에 깔려 있어야 하나요?",
            "can I stay in the dorm after my contract ends next month?",
            "tonight is the team dinner, is it paid time?",
        ],
    ),
    # debt bondage: a penalty demanded to leave, or a debt to a broker that keeps growing; the
    # same words in an owner's question about reporting a worker who left, a phone contract, a
    # business loan or severance are calm
    "made to pay to leave": (
        [
            "the company says if I quit before three years I owe a 1,000,000 yen penalty",
            "辞めたいと言ったら社長に違約金100万円払えと言われた",
            "我想辞职，老板说先交50万违约金才能走",
            "em xin nghỉ việc thì công ty bắt nộp phạt 80 man",
            "그만두려면 위약금 200만 엔 내래요",
            "mag-resign daw ako, multa ko 300k yen sabi ng agency",
            "broker loan for my visa keeps growing with interest, 2 years working and I still owe more",
            "utang ke LPK nambah terus padahal gaji dipotong tiap bulan",
            "a dívida com a empreiteira só aumenta com os juros, nunca acaba",
        ],
        [
            "is there a penalty if we forget to report a foreign worker who quit?",
            "外国人社員が辞めたらハローワークに届出しないと罰金？",
            "kalo karyawan asing resign terus kita lupa lapor, kena denda?",
            "can I get severance if I quit after 5 years?",
            "is there a low-interest loan for small companies in debt after covid?",
            "quero trocar de celular mas tem multa se eu sair do plano?",
        ],
    ),
    "no money as it is said": (
        [
            "down to 80 yen in my wallet and I haven't eaten since Monday",
            "to zerado, sem um tostão, sem comer faz dois dias",
        ],
        [
            "my rent went down to 40,000 yen, is that normal?",
            "fiquei sem comer no almoço por causa da reunião, é normal?",
        ],
    ),
    # a burn hidden in romanised Nepali, and the threat to report a worker to immigration however
    # the verb is led in ("去入管举报我" as well as "向入管举报我"); a burn asked about, or
    # immigration named calmly, is no emergency
    "a burn hidden, immigration as a threat": (
        [
            "tel le haat polyo, tara manager bhanchha hospital najaa, ghar ma bhayeko bhan",
            "oven ma haat polyo, chhala udyo, rosai ko kura nagar bhanyo sahu le",
            "老板说我再问加班费就去入管举报我，我该怎么办",
        ],
        [
            "kitchen ma haat polyo bhane rosai paaincha?",
            "入管的网站在哪里可以预约续签？",
        ],
    ),
    # hungry, beside no money left: a no-money half with a word between "beras" and "habis"
    # escalated only by its "lapar"; hungry alone, or the wallet alone, is no emergency
    "hungry with no money": (
        [
            "duit abis, sisa nasi juga habis, lapar banget, gajian masih seminggu",
            "no money left till payday and so hungry I can't sleep",
            "tô sem dinheiro nenhum e com fome desde ontem",
            "お金がない、お腹すいた、給料日まであと一週間",
            "duit tinggal 300 yen, blm makan dari pagi, gajian masih jauh",
        ],
        [
            "lapar banget, ada warung murah deket stasiun Shin-Okubo?",
            "I'm hungry, which konbini bento is the best value?",
            "não tenho dinheiro pra viajar nas férias, alguma dica de passeio barato em Tóquio?",
        ],
    ),
    # no food in the other word order ("makanan gak ada": `dev56`'s missed emergency, read after
    # its judgement); food alone, or a question about it, is no emergency
    "no food, the other way round": (
        [
            "udah gak punya uang, makanan ga ada sama sekali dari kemarin",
            "hết tiền rồi, trong tủ không còn gì ăn, 2 ngày nay",
            "钱花光了，宿舍里吃的也没有，工资还要等一个星期",
            "sem dinheiro, a comida acabou ontem e o salário só sai dia 25",
        ],
        [
            "makanan gak ada yang halal di kantin kantor, ada saran?",
            "a comida acabou cedo no restaurante do trabalho, é normal?",
        ],
    ),
    # a balance of zero written with the digit, beside no food (`dev61`'s missed emergency, read
    # after its judgement); a price of zero alone is no emergency
    "zero with the digit": (
        [
            "nothing to eat since sunday, wallet says 0 yen, next pay in 9 days",
            "財布0円、きのうから何も食べてない",
            "钱包里0日元，两天没吃饭了",
            "ví còn 0 yên, từ hôm qua chưa ăn gì",
            "지갑에 0엔, 어제부터 굶었어요",
        ],
        [
            "the app says shipping is 0 yen, which bento should I order?",
            "入場料0円のイベントって、屋台も出る？",
        ],
    ),
    # the employer keeping a card or a passport, or threatening a deportation, told without an
    # alarm's words (the stress set's held cards, dev12's cancelled visa); an owner asking about
    # the staff's passports, a lost card, the asker's own "will I be deported?" are calm
    "a card or a passport the employer keeps, told calmly": (
        [
            "he keeps my passport in the office safe since I started, says I don't need it here",
            "在留カードはずっと会社が持っていて、更新がいつなのかも教えてくれない",
            "hộ chiếu công ty giữ từ lúc em mới sang, hỏi xin lại thì bảo cứ để đó",
            "paspor aku dipegang bos dari awal datang, minta balik katanya nanti aja",
        ],
        [
            "our staff's passports: may the company keep them in the office safe?",
            "I lost my residence card, and the company has my old address on file, what now?",
        ],
    ),
    "a deportation the employer threatens": (
        [
            "the manager says if I take sick leave he will cancel my visa",
            "店長に、明日休んだら強制送還だって言われた",
        ],
        [
            "my company is late with my visa renewal, will I be deported?",
            "会社を辞めたら強制送還されますか",
        ],
    ),
    # a seizure as it begins, not only as it goes on (`dev66`'s missed emergency, read after its
    # judgement), and despair said as the end; anger, attracting customers and a seized account
    # are no seizure
    "a seizure as it begins, despair as the end": (
        [
            "レジの横でお客さんのおじいさんが急に痙攣し始めた、どうしよう",
            "my coworker's baby started seizing in the break room",
            "同事的孩子在仓库门口突然癫痫发作了，叫不醒",
            "もう全部どうでもいい。今日で仕事も人生も終わりにする",
            "kapatid ko sa dorm, sabi niya wala nang saysay ang buhay niya",
            "nada mais importa, amanhã não vou estar aqui",
        ],
        [
            "客をひきつけるチラシってどう作ればいいですか",
            "the tax office is seizing the shop's bank account, what can an owner do?",
            "my boss had a fit when I came in late, is that harassment?",
        ],
    ),
    # someone pinned under something, and the emergency number or the ambulance that does not
    # come (`dev68`'s missed emergency, read after its judgement); asked in advance, or boxes
    # stacked on boxes, they are no emergency
    "pinned under, and no answer from 119": (
        [
            "もう20分たつのに救急車が来ない、社長は待てって言うだけ",
            "we called 119 twenty minutes ago and the ambulance still hasn't come",
            "货架倒了，下面压着人，我们搬不动",
            "gọi 119 không được, anh ấy vẫn nằm dưới xe nâng",
        ],
        [
            "if 119 doesn't answer during a big quake, who else can we call?",
            "万一地震で119に電話がつながらないときは、どうすればいいですか",
            "仓库里的纸箱一层压着一层，怎么堆才安全？",
        ],
    ),
    # a broker or an agency that takes the whole wage (the urgency set's Nepali debt to a
    # manpower agency, lost to the model's urgency by a content trial); a fee or the word alone
    # is no emergency
    "a broker who takes the whole wage": (
        [
            "the broker in Manila takes my whole salary and gives me 10,000 yen a month",
            "仲介業者に給料を全部取られて、手元には月2万円しか残らない",
            "中介把我的工资全部扣走了，每个月只给我五千日元",
        ],
        [
            "is it normal for the agency to deduct a fee from my salary each month?",
            "ブローカーって何？",
        ],
    ),
    # what is left in the wallet, and a knife's cut (`dev72`'s two missed Vietnamese
    # emergencies, read after its judgement: "trong ví còn 300 yên", a knife that slipped into a
    # finger "đừng khai rosai"); a cut asked about calmly, or a wallet, is no emergency
    "the wallet's last yen, a knife's cut kept quiet": (
        [
            "ví chỉ còn 150 yên, từ hôm qua chưa ăn gì hết",
            "財布の中は40円だけ、きのうから何も食べてない",
            "teriris pisau daging dalam sekali, mandor bilang jangan lapor ke siapa-siapa",
            "nahiwa ng kutsilyo ang daliri ko, malalim, sabi ng boss wag i-report",
        ],
        [
            "cắt vào ngón tay khi lọc cá, có cần đi khám không",
            "a deep cut needs stitches, does rosai cover it?",
            "財布の中のレシートで交通費を会社に請求できますか",
        ],
    ),
    # a work injury the employer wants passed off as one at home (`dev76`'s missed emergency,
    # read after its judgement: "put it on my own health insurance as a home accident or I'm
    # out"); an accident at home asked about calmly is no emergency
    "an injury passed off as one at home": (
        [
            "sprained my ankle on the loading dock, the manager says report it as a home accident",
            "足場から落ちて骨折した。社長に家での事故にしろって言われた",
            "tay bị kẹp máy, quản lý bảo khai là tai nạn ở nhà cho nhanh",
            "bị bỏng ở bếp nhà hàng mà chủ bắt coi như tai nạn ở nhà",
        ],
        [
            "I slipped in my bathroom at home, does my health insurance pay the clinic?",
            "caí em casa no fim de semana, posso faltar ao serviço com atestado?",
        ],
    ),
    # no money and the rice gone or the fridge empty (`dev77`'s missed emergency, read after its
    # judgement: "0 yen. no rice left"); rice or a fridge asked about calmly is no emergency
    "the rice gone, the fridge empty": (
        [
            "no money at all and out of rice since Sunday, pay comes on the 25th",
            "钱包里只剩50日元，米也没了，工资还没发",
            "tô sem dinheiro e com a geladeira vazia desde ontem",
            "paisa sakiyo, kotha ma chamal chaina, talab aauna 10 din baki",
        ],
        [
            "the restaurant ran out of rice at lunch, can a part-timer buy more with petty cash?",
            "冰箱空了的话，员工宿舍的冰箱谁负责补货？",
        ],
    ),
    # the employer named by the loanword workers type (`dev79`'s missed emergency, read after
    # its judgement: "shacho nói ... huỷ visa, tuần này tống e về nước"); the word alone is calm
    "the shacho's deportation threat": (
        [
            "the shacho says if I join the union he will cancel my visa next week",
            "tencho nói nếu em nghỉ thì huỷ visa ngay",
            "o oyakata falou que se eu faltar amanhã ele vai cancelar meu visto",
        ],
        [
            "what does shacho mean, and do I call him that to his face?",
            "paano mag-renew ng visa, sabi ng shacho tutulungan daw ako",
        ],
    ),
    # no money and living on water alone (`dev85`'s missed emergency, read after its judgement:
    # "2 ngay roi e chi uong nuoc may, luong chua phat, trong vi con dung 140 yen"); tap water or
    # water before a health check asked about calmly is no emergency
    "living on water alone": (
        [
            "trong vi con 60 yen, 4 hom nay chi uong nuoc la cam hoi",
            "wala na po akong pera, tatlong araw na akong tubig lang, sa 30 pa ang sweldo",
            "90 yen left in my wallet, three days now on nothing but water, payday is the 28th",
            "財布に50円しかない。おとといから水だけ飲んでる",
        ],
        [
            "is the tap water in Tokyo safe to drink, or should I buy bottled water?",
            "o médico disse pra eu beber só água antes do exame de saúde da empresa, pode isso?",
        ],
    ),
    # fired and told to vacate the room by tonight (`dev86`'s missed emergency, read after its
    # judgement: "사택 오늘 밤까지 비우래요 ... 갈 데는 없고"); moving out asked about calmly is none
    "told to vacate tonight": (
        [
            "회사에서 잘리고 오늘 밤 안으로 원룸 비우래요. 짐 가방 두 개뿐이고 갈 데는 없어요",
            "fired this morning and told to vacate the staff flat by tonight, nowhere to go",
            "dispensaram a gente e o encarregado mandou desocupar o alojamento hoje mesmo, não"
            " temos onde dormir",
        ],
        [
            "계약 끝나면 사택은 언제까지 비워야 하나요? 보증금은 돌려받나요",
            "when my contract ends, how long do I have to move out of the company dorm?",
        ],
    ),
    # an earthquake now and someone shut in or calling from inside (`dev83`'s missed emergency,
    # read after its judgement: a dorm tilted, a door that will not open, screaming inside); an
    # earthquake asked about calmly, or a drill, is no emergency
    "an earthquake and someone shut in": (
        [
            "earthquake just now, the staff room door won't open and the cook is screaming inside",
            "强震后宿舍歪了，隔壁门打不开，里面有人在喊救命",
            "động đất xong cửa phòng bên cạnh ko mở được, có người kêu cứu",
            "gempa barusan, pintu gudang gak bisa dibuka, ada yang teriak minta tolong",
        ],
        [
            "the trains stopped after the earthquake and I could not get to work, is the day paid?",
            "地震でドアが開かなくなったら、どうやって避難すればいいですか",
            "waktu gempa kalau pintu tidak bisa dibuka, apa yang harus disiapkan kantor?",
        ],
    ),
    # someone pinned under what fell and the others cannot free them, with or without an
    # earthquake's word (`dev92`'s missed emergency, read after its judgement: a shelf on a
    # colleague's leg, typed without accents); being pinned as a figure of speech, or a question
    # about preventing it, is no emergency
    "someone pinned under what fell": (
        [
            "the stacked crates in the bakery came down on Ken's foot and we can't lift them off",
            "thùng sơn trên giá rơi trúng người chị tạp vụ, chị ấy bị đè, bọn em nhấc không nổi",
            "cai tu sat o ky tuc xa do de len nguoi ban cung phong, keo k ra",
            "搬家的时候衣柜倒了，砸在同事腿上，我们两个搬不动",
            "mesin cuci industri jatuh, kaki teman ketimpa, kami nggak kuat ngangkat",
        ],
        [
            "公司的事全压在我身上，我快撑不住了，这种压力能找谁聊聊？",
            "what should we do to prevent a rack from falling on staff, and who checks it?",
            "di gudang kami, kalau ada yang ketimpa rak dan kami gak kuat ngangkat, harus telepon ke mana?",
        ],
    ),
    # an injury the boss wants hidden in easy Japanese as it is typed, spaced and in hiragana
    # (`dev91`'s missed emergency, read after its judgement: a back hurt at work, 「びょういん いく
    # な」); a hurt back asked about calmly, or a stir-fry, is no emergency
    "a hidden injury in spaced easy Japanese": (
        [
            "そうこ で にもつ を もって こし を いためました。はんちょう が 「ろうさい に しないで」 と いいました",
            "てくび を いためた けど、おやかた が びょういん いく な って。はれて きた",
            "ドア に ゆび を はさみました。ち が でて います。でも てんちょう が だれ に も いう な と いいます",
        ],
        [
            "こし を いためました。やすみ を とる には どう すれば いい ですか",
            "フライパン で やさい を いためて いたら、てんちょう が 「いう な と いった でしょ」 と おこりました",
        ],
    ),
    # no money and nothing eaten, in Nepali as typed (`dev99`'s missed emergency, read after its
    # judgement: "paisa sakkiyo", "khana khako chaina"); money spent on a phone, or lunch skipped
    # for a meeting, is no emergency
    "hungry with no money, in Nepali as typed": (
        [
            "hijo bihana dekhi kei khako chaina, paisa sakkiyo, sathi pani chaina yaha",
            "पैसा सक्कियो, तीन दिनदेखि खाना खाको छैन",
            "paisa sakkeko 5 din bhayo, khana khaeko chaina, company le advance didaina",
        ],
        [
            "naya phone kinda paisa sakkiyo, aba yukyu lina milcha?",
            "meeting le garda aaja khana khako chaina, break time kati hunu parchha?",
        ],
    ),
    # breathing weakly, said of someone down in front of the writer (`dev97`'s missed emergency,
    # read after its judgement: a coworker kicked by a horse, "tho yeu lam", typed without
    # diacritics); a love poem typed the same way, or a weak voice on the phone, is no emergency
    "breathing weakly": (
        [
            "bac bao ve nga o bai xe, tho yeu lam, moi nguoi goi ko duoc",
            "搬运工阿叔从货车上摔下来，呼吸很弱，叫他也不答应",
            "the old man who sharpens our knives slumped over, he's barely breathing",
            "o motoboy caiu da moto na frente da loja e tá respirando fraco",
            "pak satpam jatuh di tangga, napasnya lemah banget",
        ],
        [
            "em thich doc tho yeu cua Xuan Dieu, co lop tieng Nhat nao day tho ko?",
            "my mother's voice sounds weak on the phone from Manila, can I take leave to visit her?",
        ],
    ),
    # someone who faints is down now; told of last week with the limits of working hours asked
    # about, or opened with "if", the same words ask calmly (a guarded alarm: the read sets held
    # 22 such questions flagged)
    "someone fainting, or a faint gone by": (
        [
            "the dishwasher guy just fainted by the fryer, he's sweating and mumbling",
            "chị bếp trưởng vừa ngất xỉu trong kho lạnh, tụi em đỡ ra rồi mà chị chưa tỉnh",
            "bapak sopir pingsan di truk, mukanya pucat banget, kami di parkiran",
            "o tiozinho do caixa desmaiou atrás do balcão, tá respirando esquisito",
            "同事在流水线上晕倒了，叫他没反应",
        ],
        [
            "a driver at our depot fainted last month after a double shift. what are the legal"
            " hours for drivers, and who can check our rosters?",
            "kakak tingkat pingsan bulan lalu habis shift malam 13 jam, sebenarnya batas jam"
            " kerja sehari itu berapa?",
            "o ajudante desmaiou mês passado de tanto calor na estufa; qual o limite de horas"
            " que a firma pode pedir no verão?",
            "如果仓库里有人晕倒，我们这些不会日语的怎么叫救护车？",
        ],
    ),
    # and a conditional said just before the fainting, when the question comes first
    # (`dev100`'s Tagalog "anong number ... pag may nahimatay?", read after its judgement)
    "a faint in a conditional, the question first": (
        [
            "tulungan nyo po, may nahimatay sa bodega, hindi gumagalaw",
        ],
        [
            "sino tatawagan namin sa planta kapag may nahimatay sa init? may English ba sila?",
            "what's the number to ring at the depot if someone has fainted from the heat?",
            "trong xưởng nếu có ai ngất xỉu vì nóng thì gọi số mấy, nói tiếng Anh được không",
        ],
    ),
    # claiming rosai answered with dismissal (`dev105`'s missed emergency, read after its
    # judgement: "Dispatcher says if I claim rosai I'm out"); the worker's own "will I be fired
    # if I claim rosai?" is a question
    "claiming rosai means being let go": (
        [
            "fell off my bike on a delivery, wrist swollen, the depot boss says claim rosai you're"
            " fired",
            "トラックの荷台から落ちてけがした。社長に労災使ったらクビだって言われた",
            "tay bị dao cắt sâu, quản lý nói khai rosai thì đuổi",
            "kaki keseleo di gudang, kata mandor kalau urus rosai langsung dipecat",
        ],
        [
            "I hurt my back lifting boxes, if I claim rosai will I be fired?",
            "労災を使ったら会社に知られますか",
        ],
    ),
    # `dev106`'s and `dev107`'s missed emergencies, read after their judgements: someone down and
    # breathing strangely (a child gone limp, ぐったり, "息のしかたが変"), a dorm called "mes", someone
    # under what an earthquake brought down, a Vietnamese threat to send people to the room. One's
    # own breathing, a key under a mat or a conditional about a quake are no emergency.
    "breathing strangely, the mes, under it, people sent round": (
        [
            "倉庫で先輩が急に倒れて、息の仕方が変。呼んでも目をあけない",
            "my manager just went down behind the counter and he's breathing funny",
            "chị bếp trưởng tự nhiên ngã xuống sàn, thở bất thường lắm",
            "teman shift malam jatuh di toilet, nafasnya aneh",
            "big quake, the scaffold boards gave way and a labourer is under it",
            "abis dipecat, disuruh keluar dari mes sebelum jam 9, hujan deres, gak tau tidur dimana",
            "4 tháng chưa thấy đồng lương nào, đòi thì ông chủ bảo sẽ cho người đến tận phòng trọ",
        ],
        [
            "走ったあと息がおかしいのは年のせい？健康診断で何を見てもらえる？",
            "my breathing is weird when I climb the stairs at the depot, can the company check-up"
            " look at it?",
            "the key to the locker is under it, the blue mat by the door",
            "if a rack falls in a quake and someone is under it, who do we call first?",
        ],
    ),
}


@pytest.mark.parametrize("kind", TYPED)
def test_the_alarms_know_what_people_type(matchers, kind: str) -> None:
    alarmed, _ = matchers
    urgent, calm = TYPED[kind]
    assert all(alarmed.rank(text, None).alarm for text in urgent)
    assert not any(alarmed.rank(text, None).alarm for text in calm)


def test_only_a_pair_of_unusual_words_speaks_of_an_emergency_by_one_half(matchers) -> None:
    """One half of a pair asks the second opinion by meaning from a lower urgency; a card, a
    passport or the boss alone are everyday words and ask nothing (`either_half`)."""
    alarms = matchers[0].alarms
    assert alarms.half(terms("I hurt my back lifting boxes"))
    assert alarms.half(terms("three months of salary unpaid"))
    assert not alarms.half(terms("where do I renew my residence card? my company is too busy"))
    assert not alarms.half(terms("my boss asked for my passport number for the contract"))
    assert alarms.found(terms("my boss took my passport"))


def test_a_question_that_opens_with_if_is_hypothetical_and_urgent_is_not_a_candidate(
    matchers,
) -> None:
    alarmed, _ = matchers
    for text in (
        "if I cut my hand at work, who pays the hospital?",
        "もし仕事中にやけどしたら、病院代は誰が払うの？",
        "要是上班时被机器夹伤了，医药费谁出？",
        "nếu bị thương ở xưởng thì ai trả tiền viện phí",
        "Se eu me machucar no trabalho, quem paga o hospital?",
        # as people begin them: a question frame, "suppose", "for example" before the "if"
        "what happens if I lose my residence card on the train?",
        "kunwari lang po, kung masugatan ako sa trabaho, sino magbabayad sa ospital?",
        "假设在工地摔伤了，公司要负责吗？",
        "giả sử bị bỏng ở bếp thì có được rosai không",
        "예를 들어 공장에서 다치면 병원비는 누가 내요?",
        # an "if" further in, with a question about who pays or the asker's own arrest
        "in case a box falls on my foot at the warehouse, who pays the clinic?",
        "倉庫で荷物が落ちてきて足をけがしたら、治療費は誰が払うんですか",
        "在仓库搬货的话万一扭伤了腰，治疗费谁承担？",
        "làm ở xưởng mà lỡ như bị bỏng tay thì ai trả tiền viện?",
        "주방에서 칼에 베이면 치료비는 누가 부담해요?",
        "restaurant ma kaam garda khutta bhanchiyo bhane upachar ko kharcha kasle tirne?",
        "di pabrik kalau jari kejepit mesin, biaya dokter siapa yang nanggung?",
        "sa construction site, kung madulas ako sa bubong sino ang magbabayad ng ospital?",
        # "lỡ" alone, and the choice between two payers (read sets, dev50, dev51)
        "lỡ bị bỏng dầu trong bếp thì tiền viện ai trả tiền, em hay quán?",
        "要是在车间被铁片划伤了，缝针的钱自己出还是公司出？",
        "trabalho na obra, caso eu caia do andaime quem paga o hospital?",
        "my visa expires tomorrow, if the police check me will i be arrested?",
    ):
        match = alarmed.rank(text, None)
        assert match.hypothetical and not match.alarm, text
        assert "urgent" not in [c.id for c in match.candidates], text
    # the same words, happening now; a reflexive "se" is not "if"
    assert not alarmed.rank("I cut my hand at work, it won't stop bleeding", None).hypothetical
    assert not alarmed.rank("se machucou feio na prensa agora", None).hypothetical
    # an alarm is an emergency however the message opens
    seizure = alarmed.rank("if my daughter is having a seizure now, what do I do?", None)
    assert seizure.alarm and not seizure.hypothetical


def test_an_if_further_in_needs_the_question_it_asks(matchers) -> None:
    alarmed, _ = matchers
    # a threat reports the arrest, it does not ask about it: not hypothetical
    for text in (
        "the boss said if I run away I'll be arrested, I can't leave",
        "社長に、辞めたら警察に捕まるぞと言われた",
        "my boss says when I complain about the unpaid wages, if I do it again they send me home",
    ):
        assert not alarmed.rank(text, None).hypothetical, text
    # the pair needs both: who pays, happening now, is no conditional
    assert not alarmed.rank(
        "I cut my hand at work today, who pays the hospital?", None
    ).hypothetical


def test_a_residence_card_and_the_askers_own_arrest_question_ask_about_the_rules(
    matchers,
) -> None:
    alarmed, _ = matchers
    for text in (
        "lost my residence card on the bus yesterday, will I be arrested?",
        "在留卡丢在出租车上了，会不会被抓？",
        "thẻ zairyu hết hạn hôm qua rồi, có bị bắt không mọi người",
        "체류카드를 기숙사에 두고 왔는데 잡혀가나요?",
        "kartu zairyu ketinggalan di loker pabrik, ditangkep gak sama polisi?",
        # deportation or trouble asked, and "I didn't have my card on me" is no card held
        "forgot to renew my visa, it expired on Friday. will I be deported?",
        "I didn't have my residence card on me at the checkpoint, am I in trouble?",
        "签证过期三天了，会不会被遣返啊",
        "재류카드 기간이 지났는데 추방되나요?",
        "visto venceu semana passada, posso ser deportado?",
        "ビザの更新を忘れてた。捕まるんですか？",
        # the forms the read sets showed missing (2026-12-07): easy Japanese, "can I get
        # arrested", "is that a crime", a fine, the card's name mistyped, "vou ser preso"
        "バイトの かえりに ざいりゅうカード を なくした。けいさつに つかまる？",
        "left my residence card in my gym locker and a cop asked for it. is that a crime?",
        "visa ran out two days ago because I forgot, am I going to get deported?",
        "在流卡过期一个礼拜了才发现，会不会直接被抓？",
        "换了宿舍两周了在留卡地址没改，会不会被罚",
        "the zairyu het han roi ma chua di gia han, co bi duoi ve ko",
        "zairyu card ghar mai chhodera aaye, police le sodhe jail jaanu parchha?",
        "kartu zairyu sy jatuh di bus, bakal ditangkep gak kalo razia?",
        "esqueci de renovar o zairyu, venceu ontem, vou ser preso?",
    ):
        assert alarmed.rank(text, None).hypothetical, text
    # a threat reports the arrest; the card kept by the boss is no question about the rules
    for text in (
        "the boss keeps my residence card and says I will be arrested if I leave",
        "老板扣着我的在留卡，说我敢走就会被抓",
        "o patrão disse que cancela meu visto e que eu vou ser deportada amanhã",
        "老板说要是我辞职就取消签证，我会被遣返",
        # a boss who threatens it, in the pair's new question forms
        "o chefe disse que se eu faltar de novo ele cancela meu visto e eu vou ser deportado",
        "社長に、逃げたらビザが切れて強制送還されると脅された",
        "my boss threatened that if I quit my visa is gone and I'm going to get deported",
    ):
        assert not alarmed.rank(text, None).hypothetical, text


# a word that announces a question, then the conditional (True); the same words with no
# conditional after them, or a greeting before one, open nothing
ANNOUNCED = {
    "quick question: if the shop closes for a typhoon, do part-timers still get paid?": True,
    "先问一下，万一公司倒闭了，没发的工资找谁要？": True,
    "cho em hỏi, nếu nghỉ việc giữa chừng thì thuế cư trú tính sao ạ": True,
    "numpang tanya, kalau pindah kos harus lapor ke kantor kelurahan gak?": True,
    "tanong lang po, kung mag-resign ako ngayong buwan, makukuha ko pa ba ang bonus?": True,
    "just asking, my manager pushed me down the stairs this morning": False,
    "hello, if you read this please send someone, he locked the door": False,
}

# an owner asking how to keep staff at work through care or treatment, and (False) a worker made
# to keep working hurt, whom a bare "keep working" would have taken for the same question
KEEPING_STAFF = {
    "our bookkeeper had a stroke last spring and one employee starts chemo: how can we help them "
    "keep working part time?": True,
    "パートさんがお母さんの介護と仕事の両立に悩んでいて、がんの通院中の社員もいます": True,
    "店里一个员工刚做完手术，还要照顾住院的父亲，怎么让他兼顾工作": True,
    "직원 남편이 뇌졸중으로 쓰러져서 간병이랑 일 병행이 힘들대요": True,
    "karyawan saya istrinya sakit kanker, gimana biar gak resign dan tetap bisa ngurus?": True,
    "两个员工一个在化疗一个要带孩子，我不想让他们辞职，能怎么排班": True,
    "직원 아버님이 치매라서요, 그만두지 않게 회사가 할 수 있는 게 있을까요": True,
    "staff ko buba lai dialysis chahincha, tara u kaam chhodna chahanna. company le k garna sakchha?": True,
    "I am an employee at the plant, I cut my hand badly and the boss told me to keep working": False,
    "我是员工，手被压伤了老板还让我继续上班": False,
}


# whether the law makes one carry the card asks about its rules (True); the same words with the
# card held by the boss are an emergency's (False), whichever pair's question they ask
CARRYING_THE_CARD = {
    "police asked for my zairyu card at the konbini and it was in my locker. do I have to carry "
    "it even to buy lunch?": True,
    "在留カードって近所のスーパーに行くときも持ち歩かないとダメですか": True,
    "去便利店也必须随身带在留卡吗？": True,
    "đi chợ gần nhà có phải mang theo thẻ ngoại kiều không ạ": True,
    "apa kartu zairyu wajib dibawa waktu lari pagi?": True,
    "my boss took my residence card and passport, but I have to carry it, police will stop me": False,
    "会社にパスポートと在留カードを取られた。持ち歩かないといけないのに返してくれない": False,
    "老板扣了我的护照和在留卡，必须随身带但是他不还给我": False,
    "사장님이 여권이랑 재류카드 가져갔어요 들고 다녀야 하는데 안 돌려줘요": False,
    "a empresa pegou meu passaporte e zairyu, tenho que andar com ele mas não devolvem": False,
    "công ty giữ hộ chiếu và thẻ ngoại kiều của em, em phải mang theo mà họ không trả": False,
    "company le passport ra zairyu card khosera rakhyo, bokna parchha bhane pani didaina": False,
    "perusahaan nahan paspor sama kartu zairyu aku, padahal harus dibawa, ga dikembaliin": False,
    "kinuha ng amo ko passport at zairyu ko, kailangan dala ko daw pero ayaw ibalik": False,
    "the boss keeps my residence card and I can't leave, will I be arrested?": False,
    "社長が在留カードを返してくれない。外に出たら捕まりますか": False,
    "perusahaan nahan kartu zairyu aku, kalau keluar ditangkep ga?": False,
    "hawak ng amo yung zairyu ko, kung lumabas ako makukulong ba?": False,
    "老板扣着我的在留卡不还，我出门会不会被抓？": False,
    "công ty giữ thẻ zairyu của em, ra ngoài có bị bắt không": False,
    "회사가 재류카드 가져가서 안 돌려줘요. 밖에 나가면 잡혀가요?": False,
    "o patrão ficou com meu zairyu, se eu sair posso ser preso?": False,
}


# the card's rules in the words the read sets showed taken as urgent (2026-12-07): "my card",
# 자이류카드, "gonna get arrested", 체포예요, "takut ditangkep", "carry it 24/7", いつも もって いないと
# (True); the card taken by the boss, whatever is asked, stays an emergency's (False)
THE_CARD_IN_MORE_WORDS = {
    "left my card in the hotel safe and a cop asked for it, do I have to carry it everywhere?": True,
    "zairyu card ketinggalan di loker, takut ditangkap kalau ada razia": True,
    "알바 가는 길인데 자이류카드 깜빡했어요, 불심검문 걸리면 체포예요?": True,
    "ざいりゅうカード、さんぽ の とき も いつも もって いないと いけませんか": True,
    "my zairyu card expired yesterday, am I gonna get arrested at the station?": True,
    "my boss has my card and says I'm gonna get arrested if I leave": False,
    "사장이 자이류카드 가져갔어요 밖에 나가면 체포예요?": False,
}


# where to turn, asked in advance of a future that has not happened (True); the same words with
# something happening again, a threat or fear are an emergency's (False)
WHERE_TO_TURN = {
    "Where could I get free advice in Korean someday, say my contract is cut short?": True,
    "想先了解一下，将来被拖欠工资的话可以去哪里咨询？": True,
    "sau này lỡ bị công ty nợ lương thì em hỏi ở đâu được ạ": True,
    "언젠가 부당해고 당하면 어디에 상담하면 돼요?": True,
    "gusto ko lang malaman, balang araw kung hindi ako bayaran, saan ako pwede lumapit?": True,
    "queria saber onde procurar ajuda se um dia a firma me demitir sem aviso": True,
    "mai mốt mà bị cho nghỉ vô cớ thì có trung tâm nào tư vấn miễn phí cho người nước ngoài ko": True,
    "suatu saat gaji saya telat dibayar, ada kantor konsultasi buat pekerja asing?": True,
    "where can I go if my boss ever hits me again? it was bad last week": False,
    "I'm scared he will kill me someday, where can I go": False,
    "社長が怖い。いつか殴られそう。どこに相談すればいい？": False,
    "sau này nó lại đánh em thì em chạy đi đâu": False,
}

# mistreatment in words and where to talk about it (True); the same words with hands, a threat or
# wages unpaid are an emergency's (False)
WORDS_ONLY = {
    "My shift leader shouts at me in front of customers every day. Who should I talk to?": True,
    "課長に毎日みんなの前で暴言を吐かれます。社外で相談できるところはありますか": True,
    "领班老是当众骂我，还嘲笑我的口音，这种事该找谁说": True,
    "chị tổ trưởng hay chửi em ngu trước cả xưởng, em nên hỏi ở đâu": True,
    "선배가 매일 다른 사람 앞에서 막말을 해요. 어디에 상담하면 될까요": True,
    "supervisor le roj gaali garchha, kaha complain garne?": True,
    "atasan sering membentak saya di depan tamu, bisa lapor ke mana?": True,
    "lagi akong minumura ng manager sa harap ng customer, saan pwede magreklamo?": True,
    "o encarregado me humilha na frente de todo mundo, com quem eu falo sobre isso?": True,
    "senpai le sadhai customer ko agadi hasaucha, yo kura kasailai bhanna milcha?": True,
    "tổ phó cứ gọi em là đồ chậm chạp, em nên kể với ai": True,
    "my boss yells at me and yesterday he hit me. where can I go?": False,
    "店長に怒鳴られて、昨日は蹴られた。どこに相談すればいい？": False,
    "组长骂我，还说要杀了我，我能去哪里": False,
    "atasan membentak saya dan gaji belum dibayar 2 bulan, lapor ke mana?": False,
    "선배가 욕하고 몸을 만져요. 어디에 신고해요?": False,
    # the forms learnt with `dev64`'s change: "in front of everyone" as the insult, and where to
    # talk as people ask it; a threat to send the worker home or fire them is still an emergency
    "the head chef calls me slow in front of everyone at lunch rush. is there someone I can talk to?": True,
    "主任总当着客人的面说我们越南人就是不行，有没有地方能说说这种事": True,
    "점장이 손님들 앞에서 외모 얘기를 자꾸 해요. 상담해 주는 곳 있을까요": True,
    "kepala gudang ngatain aku lelet depan orang2 tiap pagi, mau curhat ke siapa ya": True,
    "the boss screams in front of everyone that he will call immigration on me. who can I talk to?": False,
    "工場長がみんなの前で「次ミスしたらクビ」と怒鳴る。誰かに話を聞いてもらえるところは？": False,
}

# the company as the one who helps a carer, a worker in treatment or a new parent (True); the
# same question while someone has collapsed, with an ambulance, or beside violence at home, is an
# emergency's report (False)
COMPANY_HELPS = {
    "Our sous-chef's father has dementia and she may quit to look after him. What can the company "
    "do so she stays?": True,
    "製造部の主任が奥さんの介護で退職を考えている。会社としてどう支えればいいのか": True,
    "仓库的老王母亲中风了需要照护，我们公司能做什么帮他留下来": True,
    "anh thủ kho có vợ đang hóa trị, công ty có thể làm gì để anh ấy không phải nghỉ": True,
    "조리장님 아내분이 항암 중이라 그만둘까 고민한대요. 회사 차원에서 도울 방법이 있을까요": True,
    "hamro driver ko buwa lai dialysis chahincha, company le ke garna sakcha?": True,
    "mandor kami istrinya baru melahirkan kembar, perusahaan bisa bantu apa ya?": True,
    "o chefe de cozinha cuida da mãe com Alzheimer, o que a empresa pode fazer por ele?": True,
    "a funcionária do caixa cuida do pai com alzheimer, como posso apoiar ela no trabalho?": True,
    # the forms dev46 to dev50 showed missing: "paano namin siya …", "inaalagaan", "cty làm sao
    # để", "sắp sinh", "care chahinchha", "company le k k"
    "yung cashier namin buntis at inaalagaan pa niya ang lola niya, paano namin siya"
    " matutulungan?": True,
    "bạn phụ bếp sắp sinh, anh tổ trưởng thì chăm vợ mổ, cty làm sao để hai người không phải"
    " nghỉ việc": True,
    "hamro cook ko buwa lai care chahinchha, company le k k garna sakchha unlai kaam chhodna"
    " naparos?": True,
    "Our cashier is in radiotherapy and her son is small. What can we do as an employer to keep"
    " her?": True,
    "my coworker collapsed during his dialysis break, what can the company do right now?": False,
    "介護中のパートさんが職場で倒れた、会社として何ができる？救急車呼ぶべき？": False,
    "同事做化疗回来上班，刚才在车间晕倒了，公司能做什么": False,
    "our cashier is pregnant and her husband beats her, what can the company do?": False,
    "karyawan kami lagi hamil, suaminya sering melakukan kekerasan. perusahaan bisa bantu apa?": False,
    "yung isa kong staff inaalagaan ang nanay niya, kanina nahimatay siya sa trabaho, paano ko"
    " siya matutulungan ngayon?": False,
}

# an owner taking on older people or housewives (True: the hiring entry, not a call for help,
# as `dev4` to `dev51` showed owners' questions taken as urgent); the same people in an emergency's
# report, collapsed or hit, are not (False)
TAKING_ON = {
    "we want to hire a few retirees and housewives for the packing line, how do we keep them?": True,
    "シニアと主婦の方を朝のシフトで採用したい。長く働いてもらうコツは？": True,
    "想招几个退休的大叔和家庭主妇来后厨帮忙，怎么留住他们": True,
    "quán mình muốn tuyển thêm mấy cô nội trợ và các bác về hưu làm ca trưa, giữ chân kiểu gì": True,
    "pasal ma retire bhayeka budhabudhi ra ghar ma basne didi haru rakhna man cha, kasari tikaune?": True,
    "gusto naming mag-hire ng mga retirees para sa umaga, paano sila tatagal sa amin?": True,
    "the retired man we hired last month collapsed at the counter and is not moving": False,
    "one of the housewives we hire on Saturdays was hit by the manager today": False,
}

# a conditional and paying it all oneself (True: a question about insurance, as `dev40` and
# `dev44` asked "全部自腹？", "병원비 전부 제가 내야 해요?"); the same words in a report of a boss who
# says so about an injury he wants hidden are not (False)
PAYING_IT_ALL = {
    "もし入院したら治療費は全額自己負担になりますか？社保に入ってるか分からなくて": True,
    "만약 수술하게 되면 병원비 전부 제가 내야 하나요? 건강보험 가입됐는지 모르겠어요": True,
    "kalau saya dirawat di RS seminggu, harus bayar sendiri semua?": True,
    "se eu precisar operar, vou ter que pagar tudo do meu bolso?": True,
    "I cut my hand on the slicer, the boss says if I see a doctor I pay everything myself and"
    " must not report it as rosai": False,
}

# going home to one's country and the pension paid back (True: the pension entry, as easy-Japanese
# workers in `dev20`, `dev52` and `dev53` asked); going home under a threat is not (False)
GOING_HOME = {
    "らいげつ 帰国します。脱退一時金は どこで たのむ？": True,
    "when I go back to my country for good, how do I get the lump-sum withdrawal?": True,
    "sắp về nước rồi, muốn lấy lại tiền nenkin thì làm sao": True,
    "pulang ke indonesia bulan depan, klaim nenkin gimana caranya?": True,
    "the boss says if I go back to my country he keeps my pension refund, it is a threat": False,
}

# an owner asking for a trainer to come to the workplace (True: custom-order training, which
# `dev31`, `dev50` and `dev57` showed taken as urgent); a trainer who hit someone there is not
TRAINER_COMES = {
    "can an instructor come to our bakery and train the new staff on our own ovens?": True,
    "想请讲师到我们厂里，按我们的流水线给新员工上安全课": True,
    "hamro sushi factory ma trainer pathauna milcha? staff lai hamrai machine ma sikaune": True,
    "có chuyên gia nào tới tận xưởng may của mình dạy cho công nhân không": True,
    "the trainer who came to our site hit one of the apprentices today": False,
}

# an owner whose job ads bring nobody, asking where to get advice (True: the hiring desk, which
# romanised Nepali curry-shop owners from `dev24` to `dev59` had taken as urgent); the same owner
# reporting a collapse or a threat is not (False)
NOBODY_APPLIES = {
    "mero momo pasal ma 5 mahina dekhi staff khojeko, kohi aaudainan. salah dine thau chha?": True,
    "our noodle stand has had no applicants since spring, is there a desk that gives advice?": True,
    "洗车店招不到人快半年了，东京有没有给小企业出主意的咨询窗口？": True,
    "kulang sa tao ang bakery namin, may konsultasyon ba ang Tokyo para sa ganito?": True,
    "no applicants for months and now the one cook we have collapsed in the kitchen, advice?": False,
}

# a hospital bill and the question who pays it, after a treated cut or before any (True: the
# work-injury answer, which the urgency model had taken for an emergency in `dev2` to `dev62`);
# the same bill with a boss who hides the injury, or bleeding now, is not (False)
WHO_PAYS_THE_BILL = {
    "パン工場でオーブンの天板に腕が当たって水ぶくれ。治ったけど病院代って会社持ちになる？": True,
    "削木头的时候凿子划到手背，已经拆线了，这个医药费是我自己出还是厂里出？劳灾能用吗": True,
    "세탁 공장에서 다리미에 팔 데면 병원비 누가 내요? 산재 되나요": True,
    "em làm ở tiệm giặt, lỡ bàn là làm bỏng cánh tay thì viện phí ai trả? rosai có dùng được ko": True,
    "the owner says if I put the burn on rosai the shop gets in trouble, so the hospital bill is mine. who pays?": False,
    "cut my thumb on the bread slicer and it's bleeding through the towel, who pays the hospital?": False,
}

# a conditional and the question which number to call, asked in advance (True: the disaster
# entry's numbers, which the urgency model had taken for an emergency in `dev31` to `dev62`); the
# same question while it is burning, or with someone trapped now, is not (False)
NUMBER_TO_CALL = {
    "要是仓库半夜冒烟了，我们该打几号？说中文有人听得懂吗": True,
    "もし工房で漏電して火が出たら何番にかければいいですか": True,
    "kalau mesin giling di pabrik tahu kebakaran, nomor berapa yg harus ditelpon?": True,
    "the storeroom is on fire right now and i dont know the number, which number?!": False,
    "如果现在有人被压在货架下面怎么办，打几号，快点": False,
}

# an owner who says so and asks where to start or what the company can do; not when someone's life,
# a collapse or a person unreachable comes with it
OWNER_ASKS = {
    "作为老板我也着急：面包房的师傅们天天加班，年假一天都没休过，想改善从哪下手？": True,
    "Boss here, small laundry, my crew never takes yukyu. where do i start if i want to fix that?": True,
    "Tôi là chủ quán phở, nhân viên tăng ca quá nhiều, muốn cải thiện thì bắt đầu từ đâu?": True,
    "作为老板我想问，员工刚才说要自杀，联系不上，公司能做什么？": False,
    "sou dono de uma padaria: um funcionário desmaiou agora na cozinha, o que a empresa pode fazer?": (
        False
    ),
}

# Each table: a message and whether it asks about the rules (a hypothetical question: the models'
# urgency does not escalate it, only an alarm does)
ASKING = {
    "announced": ANNOUNCED,
    "keeping staff": KEEPING_STAFF,
    "carrying the card": CARRYING_THE_CARD,
    "where to turn": WHERE_TO_TURN,
    "words only": WORDS_ONLY,
    "the company helps": COMPANY_HELPS,
    "taking on": TAKING_ON,
    "paying it all": PAYING_IT_ALL,
    "going home": GOING_HOME,
    "a trainer comes": TRAINER_COMES,
    "nobody applies": NOBODY_APPLIES,
    "who pays the bill": WHO_PAYS_THE_BILL,
    "number to call": NUMBER_TO_CALL,
    "an owner asks": OWNER_ASKS,
    "the card in more words": THE_CARD_IN_MORE_WORDS,
}


@pytest.mark.parametrize(
    ("kind", "text"), [(kind, text) for kind, table in ASKING.items() for text in table]
)
def test_what_asks_about_the_rules(matchers, kind: str, text: str) -> None:
    assert matchers[0].rank(text, None).hypothetical == ASKING[kind][text]


def test_alarms_move_no_score_of_any_message(matchers) -> None:
    alarmed, quiet = matchers
    for text in MESSAGES:
        with_alarm, without = alarmed.rank(text, None), quiet.rank(text, None)
        assert replace(with_alarm, alarm=False) == without, text


def test_only_the_urgent_intent_has_alarms(contents) -> None:
    content, _ = contents
    greeting = content.intents["greeting"]
    pair = {"about": "x", "first": {"en": ["hurt"]}, "second": {"en": ["hide it"]}}
    guarded = {"about": "x", "alarms": {"en": ["fainted"]}, "unless": {"en": ["last week"]}}
    for field, value in {
        "alarms": {"en": ["hello"]},
        "alarm_pairs": [pair],
        "guarded_alarms": [guarded],
        "hypothetical": {"en": ["if"]},
        "hypothetical_preambles": {"en": ["just asking"]},
        "hypothetical_pairs": [pair],
    }.items():
        with pytest.raises(ValueError, match="only the urgent intent"):
            type(greeting).model_validate({**greeting.model_dump(), field: value})
