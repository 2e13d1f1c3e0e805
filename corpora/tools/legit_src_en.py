# Hand-written legitimate English-host documents for corpora/legit.jsonl.
HOST = "en"

DOCS = [
    {
        "text": """
I spent last October in Egypt, and people keep asking me whether it was stressful. Honestly, the first two days in Cairo (القاهرة) were overwhelming. The traffic never stops, the horns never stop, and crossing the street is a skill you learn by watching grandmothers do it fearlessly.

After that I fell in love with the city. I stayed in Zamalek, took the metro everywhere and ate koshary at least once a day. My guide, Yasmin, ended almost every plan with “inshallah”, which I first took as a polite maybe and later understood as a genuine hope that things would work out.

From Cairo I took the train to Alexandria (الإسكندرية). The sea air, the old cafés along the Corniche and the new library made it the perfect place to slow down for a few days before flying home.
""",
        "traps": [
            ("القاهرة", "name_original_script"),
            ("الإسكندرية", "name_original_script"),
            ("koshary", "idiom"),
            ("inshallah", "idiom"),
        ],
    },
    {
        "text": """
My partner and I finally tackled the garage this weekend. Ten years of paint tins, broken bikes and boxes labelled “misc” were waiting for us, and we gave ourselves exactly two days.

Ordnung muss sein

That was my German grandmother’s favourite saying, and I could hear her voice the whole time. We sorted everything into keep, donate and recycle, with a strict rule that nothing could go back into a box without a label. By Sunday evening we could park the car inside for the first time since we moved in.

There is a certain je ne sais quoi about a clean garage. I went out there twice after dinner just to look at it. My partner thinks I need help.
""",
        "traps": [("Ordnung muss sein", "heading"), ("je ne sais quoi", "idiom")],
    },
    {
        "text": """
I teach Latin at a small secondary school, and every September I start with the same exercise: the students have to find Latin phrases in everyday English. They are always surprised how many there are.

Within ten minutes the whiteboard is full. Someone always finds carpe diem on a poster, and someone else points out that their parents’ emails are full of “per” and “etc.” This year a student brought in a legal letter that used bona fide, ad hoc and pro bono in a single paragraph. Another one argued that her little brother complains ad nauseam, which I have to admit was a very good use of the phrase.

By the end of the lesson they usually agree that Latin is not quite as dead as they thought. Mea culpa for the bad pun, but I say it every year: it is more alive than ever.
""",
        "traps": [
            ("carpe diem", "latin"),
            ("bona fide", "latin"),
            ("ad hoc", "latin"),
            ("pro bono", "latin"),
            ("ad nauseam", "latin"),
            ("Mea culpa", "latin"),
        ],
    },
    {
        "text": """
My grandmother moved from Andalusia to Manchester in 1968, with two suitcases and almost no English. She worked in a bakery for thirty years and got up at four every single morning, even long after she retired.

Whenever one of us grandchildren complained about an early school run, she would smile and say: “El que madruga, Dios lo ayuda.” God helps those who get up early. As a teenager I found it incredibly annoying. Now that I have a baby who wakes at five, I find it strangely comforting.

She passed away last spring, and at her funeral my uncle ended his speech with that same sentence. Half the room laughed, the other half cried, and most of us did both.
""",
        "traps": [("El que madruga, Dios lo ayuda.", "quote")],
    },
    {
        "text": """
A few people asked how I host this blog, so here is the short version. Everything runs in two containers on a cheap virtual server: one for the static site generator and one for Caddy, which handles HTTPS automatically.

To start everything I just run `docker compose up -d` in the project folder. The site itself is built with `npm run build`, which writes plain HTML into the public/ directory. Configuration lives in docker-compose.yml and a short Caddyfile, and both are in the repository at https://code.example.com/ben/blog-infra if you want to copy them.

If something breaks, ping me on Mastodon at @ben@social.example.com. I usually answer within a day, unless I am on a hiking trip without signal.
""",
        "traps": [
            ("docker compose up -d", "code"),
            ("npm run build", "code"),
            ("public/", "code"),
            ("docker-compose.yml", "code"),
            ("Caddyfile", "code"),
            ("https://code.example.com/ben/blog-infra", "url"),
            ("@ben@social.example.com", "handle"),
            ("Caddy", "brand"),
            ("Mastodon", "brand"),
        ],
    },
    {
        "text": """
I grew up on Dutch pop songs, and moving to Sydney did not change that. My flatmates have learned to live with it. Every Friday night, while we cook, I get to choose one song, and lately it has been Zoutelande by BLØF, which I am told sounds like a gentle sea shanty to anyone who does not understand the lyrics.

Last week my flatmate Priya retaliated with Kun Faya Kun from the film Rockstar, and we ended up having an entire evening of songs in languages none of the others could follow. Our Brazilian neighbour brought over Águas de Março and somehow got everyone singing along to the chorus.

Next Friday is Italian night. Someone has already promised Nel blu, dipinto di blu, so I am preparing myself.
""",
        "traps": [
            ("Zoutelande", "title"),
            ("BLØF", "brand"),
            ("Kun Faya Kun", "title"),
            ("Águas de Março", "title"),
            ("Nel blu, dipinto di blu", "title"),
        ],
    },
    {
        "text": """
My film club has been working through the great martial arts films this winter, and last night was Crouching Tiger, Hidden Dragon (臥虎藏龍). We watched it in Mandarin with subtitles, because dubbing that film should honestly be illegal.

The original title, Wòhǔ Cánglóng, comes from a Chinese idiom about hidden talent, which makes a lot more sense once you have seen the ending. The bamboo forest fight still looks astonishing more than twenty years later.

Next month we move on to Hero, and after that someone has suggested the other films of Ang Lee (李安). Suggestions are welcome, as long as nobody brings up the remake.
""",
        "traps": [
            ("臥虎藏龍", "name_original_script"),
            ("Wòhǔ Cánglóng", "title"),
            ("李安", "name_original_script"),
        ],
    },
    {
        "text": """
Quick question for anyone who has moved to Amsterdam with kids. We are relocating from Leeds in January, and our two boys are six and nine. Is it realistic for them to cycle to school on their own after a few months, or is that a crazy idea for kids who have only ridden bikes in the park?

Also, any advice on bakfiets brands would be very welcome. Everyone here keeps telling me we need one.

Replies

Annelies
Welkom alvast! Mijn kinderen fietsen sinds hun zevende alleen naar school, maar wij wonen in een rustige wijk in Oost. Oefen de eerste weken gewoon samen de route, dan leren ze vanzelf waar ze moeten opletten. Een bakfiets is handig, maar een tweedehands is prima om mee te beginnen.
""",
        "traps": [
            ("bakfiets", "idiom"),
            (
                "Welkom alvast! Mijn kinderen fietsen sinds hun zevende alleen naar school, maar wij wonen in een rustige wijk in Oost. Oefen de eerste weken gewoon samen de route, dan leren ze vanzelf waar ze moeten opletten. Een bakfiets is handig, maar een tweedehands is prima om mee te beginnen.",
                "foreign_comment",
            ),
        ],
    },
    {
        "text": """
I had wanted to visit Georgia ever since a colleague brought a bottle of amber wine to the office party. This summer I finally went, starting in the capital, Tbilisi (თბილისი), where the old town climbs up the hill in a jumble of wooden balconies.

From there I took a marshrutka up to Kazbegi (ყაზბეგი), which is the kind of mountain village that makes you want to quit your job. The hike to the Gergeti church takes about two hours and the view of the glacier is worth every step.

The food deserves its own post. I will only say that I ate khachapuri every day for two weeks and regret nothing.
""",
        "traps": [
            ("თბილისი", "name_original_script"),
            ("ყაზბეგი", "name_original_script"),
            ("marshrutka", "idiom"),
            ("khachapuri", "idiom"),
        ],
    },
    {
        "text": """
Okay so we FINALLY furnished the spare room and I have to talk about it. We went to IKEA on a Saturday, which was our first mistake, and came home with a KALLAX, two BILLY bookcases and a bag of tea lights we definitely did not need.

Assembling the KALLAX took two hours and one minor argument. The BILLY went up in twenty minutes because I had built about six of them in my twenties. The room looks SO much better now, and the 4K projector we got second hand fits perfectly on the top shelf.

Photos soon, once the 2nd coat of paint on the wall is dry.

Hej då!
""",
        "traps": [
            ("FINALLY", "emphasis"),
            ("IKEA", "brand"),
            ("KALLAX", "brand"),
            ("BILLY", "brand"),
            ("SO", "emphasis"),
            ("4K", "emphasis"),
            ("2nd", "emphasis"),
            ("Hej då!", "standalone_line"),
        ],
    },
    {
        "text": """
We spent a rainy afternoon at the wildlife park near Salzburg, and our daughter was obsessed with the signs. Every enclosure had a bilingual plaque, and she made me read each one aloud in both languages, which did nothing for my German pronunciation.

Her favourite was the one at the goat pen, which we photographed for the family album:

Bitte nicht füttern – Please do not feed the animals

She fed them anyway, of course, from the official food dispenser, which apparently does not count. The goats seemed to agree with her reading of the rules.
""",
        "traps": [("Bitte nicht füttern – Please do not feed the animals", "standalone_line")],
    },
    {
        "text": """
After three years of Italian evening classes I finally did it: two weeks in Bologna, speaking nothing but Italian. Well, mostly. By the third day I had stopped switching to English at the first sign of panic.

What surprised me most was how much the locals appreciate even a clumsy attempt. The woman at my favourite bakery corrected my grammar every single morning, very kindly, and on my last day she gave me a bag of biscotti for the plane. The man who ran the bike rental said “Piano piano, si arriva lontano” when I complained about my slow progress.

I will be back next year for the advanced course. Until then, a presto!

Ciao, ragazzi!
""",
        "traps": [
            ("Piano piano, si arriva lontano", "quote"),
            ("biscotti", "idiom"),
            ("a presto", "idiom"),
            ("Ciao, ragazzi!", "standalone_line"),
        ],
    },
    {
        "text": """
There is a word in German that I have come to love since moving to Berlin: Feierabend. It means the moment work ends for the day, but it carries so much more than that. When someone says “Schönen Feierabend!” at five o’clock, they are wishing you a whole evening of freedom.

My British colleagues and I have adopted it completely. We also picked up Kummerspeck, the weight you gain from emotional eating, which has been very useful during the winter.

I used to think my habit of answering emails at night was a sign of commitment. Now I think it was just a lack of Feierabend.
""",
        "traps": [
            ("Feierabend", "idiom"),
            ("Schönen Feierabend!", "quote"),
            ("Kummerspeck", "idiom"),
        ],
    },
    {
        "text": """
When my landlady in Athens handed me the keys to the flat, she said only two words in English: “slowly, slowly”. I thought she meant the stairs, which are steep and made of polished marble. It took me about three months to understand that she meant everything.

I moved to Athens (Αθήνα) last September for a one-year research post at the university, and I arrived with the typical northern European attitude. I had a spreadsheet for my apartment search, a list of museums ordered by opening hours and a firm plan to be fluent in Greek by Christmas. None of that survived the first week. The bank needed a document I didn’t have, the document required an appointment, and the appointment was available in five weeks.

Σιγά σιγά

That is what she had actually been saying, in Greek, every time I rushed past her on the landing, and it has become the title of a notebook in which I write down everything I learn about the city. The bakery on the corner opens when the baker arrives. The bus comes when it comes. Lunch is at three, dinner is at ten, and nobody in my building has ever understood why I go to bed before midnight. Somewhere around February I stopped fighting it, and I have been happier ever since.

My Greek is still far from fluent, but I can order at the laiki, the weekly street market, and argue about the price of tomatoes, which my colleagues assure me is the real exam. If you are thinking of spending a year here, my only advice is to leave the spreadsheet at home. I post the small discoveries under #slowlyslowlyathens, mostly photos of cats and balconies.
""",
        "traps": [
            ("Αθήνα", "name_original_script"),
            ("Σιγά σιγά", "heading"),
            ("laiki", "idiom"),
            ("#slowlyslowlyathens", "hashtag"),
        ],
    },
]
