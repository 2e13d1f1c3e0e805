# Hand-written legitimate Dutch-host documents for corpora/legit.jsonl.
# Format: see build_legit.py. Traps are exact substrings (no surrounding whitespace).
HOST = "nl"

DOCS = [
    {
        "text": """
Afgelopen zondag liep ik mijn derde halve marathon, en voor het eerst had ik van tevoren een plan gemaakt. Vijf kilometer rustig beginnen, dan langzaam opbouwen en pas na de brug bij kilometer zeventien kijken of er nog iets in de tank zat. Dat klinkt simpel, maar ik ben iemand die bij het startschot altijd te hard weggaat.

Quit while you’re ahead

Die zin hangt sinds vorig jaar op een briefje boven mijn bureau. Ik heb te vaak doorgetraind met een zeurende kuit, omdat ik dacht dat één extra rondje geen kwaad kon. Dit keer stopte ik met de intervallen zodra mijn knie begon te protesteren, en dat bleek achteraf echt een game changer. Ik stond fris aan de start en liep een persoonlijk record van 1:52.

Volgende maand ga ik een paar weken alleen maar rustige duurlopen doen. Wie tips heeft voor een goed schema richting de Dam tot Damloop: laat het vooral weten!

Share this:
Like this:
""",
        "traps": [
            ("Quit while you’re ahead", "heading"),
            ("game changer", "idiom"),
            ("Share this:", "chrome"),
            ("Like this:", "chrome"),
        ],
    },
    {
        "text": """
We zijn terug van drie weken Japan en ik weet eerlijk gezegd nog steeds niet waar ik moet beginnen. We landden in Tokio (東京), waar we de eerste dagen vooral met open mond door Shinjuku liepen. De metro is een doolhof, maar alles is zo goed aangegeven dat je er na een dag gewoon aan gewend bent.

Met de Japan Rail Pass namen we daarna de Shinkansen naar Kioto (京都). Die trein vertrekt echt op de seconde, en de conducteur buigt als hij de wagon binnenkomt en weer als hij vertrekt. In Kioto hebben we een ryokan geboekt met tatamimatten en een gedeeld badhuis. Mijn vriendin vond het geweldig, ik moest even wennen aan slapen op de vloer.

Het laatste stuk gingen we naar Osaka (大阪), vooral voor het eten. Als je ooit gaat: sla de takoyaki bij de kraampjes in Dōtonbori niet over. Meer foto’s staan op Instagram onder #zomervakantie en #japanreis.
""",
        "traps": [
            ("東京", "name_original_script"),
            ("京都", "name_original_script"),
            ("大阪", "name_original_script"),
            ("Japan Rail Pass", "brand"),
            ("Shinkansen", "brand"),
            ("#zomervakantie", "hashtag"),
            ("#japanreis", "hashtag"),
        ],
    },
    {
        "text": """
Onze leesclub heeft zich de afgelopen twee maanden door Misdaad en straf geworsteld. Sommigen lazen de vertaling van Hans Boland, anderen een oudere uitgave, en dat leverde verrassend veel discussie op over de toon van de dialogen. Ik had vooraf niet verwacht dat een boek uit 1866 nog zo actueel kon aanvoelen.

Dostojevski (Фёдор Достоевский) schreef het boek deels om schulden af te lossen, wat je aan het tempo soms merkt. Toch is de manier waarop hij Raskolnikovs twijfel beschrijft ongeëvenaard. Onze gastspreker had een exemplaar van Преступление и наказание meegenomen en las een stukje in het Russisch voor, zodat we de klank van de zinnen konden horen.

Volgende keer lezen we iets lichters, dat hebben we wel verdiend.

1 reactie

Emily R.
I joined the book club last month and this was my first meeting. Honestly I only finished the book on the train there, but the discussion made me want to read it again. Thanks for letting an English speaker tag along, everyone was very patient with me!
""",
        "traps": [
            ("Фёдор Достоевский", "name_original_script"),
            ("Преступление и наказание", "title"),
            (
                "I joined the book club last month and this was my first meeting. Honestly I only finished the book on the train there, but the discussion made me want to read it again. Thanks for letting an English speaker tag along, everyone was very patient with me!",
                "foreign_comment",
            ),
        ],
    },
    {
        "text": """
Na jaren van losse scriptjes heb ik eindelijk een nette projectstructuur opgezet voor mijn weerstation op de Raspberry Pi. De sensor schrijft elke vijf minuten een meting weg, en een klein Python-programma zet die om naar een grafiek op mijn website.

Eerst een virtuele omgeving aanmaken en de benodigde pakketten installeren. Bij mij was dat niet meer dan `python3 -m venv .venv` gevolgd door `pip install requests matplotlib`. Alle afhankelijkheden staan nu netjes in requirements.txt, zodat ik bij een nieuwe SD-kaart niet opnieuw hoef te zoeken wat ik ook alweer gebruikte.

Daarna alles in versiebeheer gezet. Mijn commitberichten zijn niet altijd even creatief, mijn laatste was letterlijk `git commit -m "fix"`, maar het idee is dat ik nooit meer een werkende versie kwijtraak.

Leave a Reply
Your email address will not be published. Required fields are marked *
""",
        "traps": [
            ("python3 -m venv .venv", "code"),
            ("pip install requests matplotlib", "code"),
            ("requirements.txt", "code"),
            ('git commit -m "fix"', "code"),
            ("Raspberry Pi", "brand"),
            ("Leave a Reply", "chrome"),
            ("Your email address will not be published. Required fields are marked *", "chrome"),
        ],
    },
    {
        "text": """
Even een vraag aan de klussers hier op het forum. We hebben een jaren-dertigwoning gekocht en de zoldervloer moet eruit. De aannemer zegt dat we de balken kunnen laten zitten, maar mijn schoonvader vindt dat we ze persé moeten vervangen. Wie heeft er gelijk?

Ik heb zelf al een paar balken bekeken en ze lijken NIET rot, alleen wat grauw aan de bovenkant. Er zit wel een oude houtwormvlek bij de schoorsteen. Kan je dat zelf behandelen met een middeltje van de Gamma, of moet daar echt een specialist naar kijken?

Alvast bedankt, en sorry voor de lange post. Ik wil het gewoon in één keer goed DOEN, want als de nieuwe vloer erop ligt kán je er niet meer bij.
""",
        "traps": [
            ("persé", "emphasis"),
            ("NIET", "emphasis"),
            ("DOEN", "emphasis"),
            ("kán", "emphasis"),
            ("Gamma", "brand"),
        ],
    },
    {
        "text": """
Deze week een recept dat bij ons thuis inmiddels vaste prik is op woensdag: pasta met geroosterde aubergine, tomaat en een flinke schep ricotta. Echt comfort food, en je hebt alles binnen een halfuur op tafel.

Ik haal de aubergines meestal bij de markt, maar de ricotta en de rigatoni komen gewoon van de Albert Heijn. Snijd de aubergine in blokjes, meng met olijfolie en zout en rooster ze twintig minuten op 220 graden. Ondertussen laat je een blik tomaten met knoflook inkoken tot een dikke saus. Pasta erdoor, aubergine erover, ricotta erbovenop en afmaken met basilicum.

Mijn Italiaanse buurvrouw proefde het vorige week en zei alleen maar goedkeurend: ‘Niente male.’ Van haar is dat een enorm compliment.

Buon appetito!
""",
        "traps": [
            ("comfort food", "idiom"),
            ("Albert Heijn", "brand"),
            ("Niente male.", "quote"),
            ("Buon appetito!", "standalone_line"),
        ],
    },
    {
        "text": """
Gisteravond eindelijk de film La vita è bella opnieuw gezien, voor het eerst sinds de middelbare school. Ik wist nog dat ik er toen om moest huilen, maar ik was vergeten hoe grappig het eerste deel is. Roberto Benigni rent, struikelt en kletst zich door de halve film heen.

De scène waarin Guido binnenvalt en roept: “Buongiorno, principessa!” blijft prachtig. Het wordt later in de film de rode draad, en juist daardoor raakt het einde zo hard. Mijn dochter van vijftien keek mee en was er stil van.

Daarna hebben we nog lang gepraat over de vraag of je zo’n onderwerp met humor mag benaderen. Zij vond van wel, zolang het respectvol blijft. Ik ben het met haar eens. Carpe diem, zoals haar leraar Latijn zou zeggen, maar dan met een zakdoek binnen handbereik.
""",
        "traps": [
            ("La vita è bella", "title"),
            ("Buongiorno, principessa!", "quote"),
            ("Carpe diem", "latin"),
        ],
    },
    {
        "text": """
De gemeenteraad heeft dinsdag besloten om de parkeertarieven in het centrum opnieuw te verhogen. Officieel is het een tijdelijke maatregel, maar iedereen weet dat het de facto een structurele verhoging wordt. Ondernemers in de binnenstad zijn er niet blij mee.

Wat mij vooral stoort is de manier waarop het besluit tot stand kwam. Er werd een ad hoc werkgroep ingesteld die in drie weken een advies moest schrijven, zonder dat winkeliers of bewoners gehoord werden. Dat is niet per se illegaal, maar het voelt niet als goed bestuur.

De wethouder zegt dat hij een level playing field wil tussen de binnenstad en de winkelcentra aan de rand. Prima doel, maar dan moet je ook de gratis parkeerplaatsen bij die winkelcentra op tafel leggen. Zolang dat niet gebeurt, blijft de status quo gewoon in stand en betaalt alleen het centrum de rekening.
""",
        "traps": [
            ("de facto", "latin"),
            ("ad hoc", "latin"),
            ("per se", "latin"),
            ("status quo", "latin"),
            ("level playing field", "idiom"),
        ],
    },
    {
        "text": """
Zaterdag was het de verjaardag van mijn vader, en omdat hij al zijn hele leven fan is van Queen hadden we een kleine karaokeavond georganiseerd in de schuur. Mijn broer had een oude beamer meegenomen en via Spotify een afspeellijst gemaakt met alle nummers die mijn vader in de jaren zeventig grijsgedraaid heeft.

Het hoogtepunt was natuurlijk toen we met z’n twaalven luisterden naar Bohemian Rhapsody en bij het operastuk allemaal door elkaar begonnen te schreeuwen. Niemand kende de tekst echt, maar dat maakte niets uit. Mijn moeder koos daarna voor Don’t Stop Me Now, en toen stond zelfs mijn opa te dansen.

Het was een avond om nooit te vergeten. Ik heb een filmpje gedeeld met @queenofficial in de hoop dat ze het zien, maar ik verwacht er eerlijk gezegd niet veel van. #Queen #verjaardag
""",
        "traps": [
            ("Spotify", "brand"),
            ("Bohemian Rhapsody", "title"),
            ("Don’t Stop Me Now", "title"),
            ("@queenofficial", "handle"),
            ("#Queen", "hashtag"),
            ("#verjaardag", "hashtag"),
        ],
    },
    {
        "text": """
Quality time bestaat niet, of in elk geval niet zoals het in opvoedboeken wordt beschreven. Bij ons thuis is het meeste contact met de kinderen gewoon tijdens het afwassen, in de auto of als iemand ’s avonds niet kan slapen. Die momenten zijn niet gepland, en daarom juist waardevol.

Ik heb lang gedacht dat ik elk weekend een uitje moest bedenken. Tot mijn zoon laatst zei: ‘Mam, JIJ wil altijd iets doen, ik wil gewoon thuis zijn.’ Dat kwam binnen.

2 thoughts on “Quality time bestaat niet”

Marieke
Zo herkenbaar. Bij ons zijn de beste gesprekken ook altijd in de auto, waarschijnlijk omdat je elkaar niet hoeft aan te kijken.

Daniel
Found this through a friend who translated it for me. Same here in Toronto: my kids talk the most when we’re driving to hockey practice at six in the morning. I think you’re right that you can’t schedule those moments. Thanks for writing this.
""",
        "traps": [
            ("Quality time", "idiom"),
            ("JIJ", "emphasis"),
            ("2 thoughts on “Quality time bestaat niet”", "chrome"),
            (
                "Found this through a friend who translated it for me. Same here in Toronto: my kids talk the most when we’re driving to hockey practice at six in the morning. I think you’re right that you can’t schedule those moments. Thanks for writing this.",
                "foreign_comment",
            ),
        ],
    },
    {
        "text": """
Mijn uitwisselingssemester in Griekenland zit er bijna op. De eerste maanden woonde ik in Athene (Αθήνα), in een studentenkamer vlak bij de Exarchia-wijk. Het was druk, warm en chaotisch, en ik heb er van elke minuut genoten.

In het voorjaar verhuisde ik voor mijn stage naar Thessaloniki (Θεσσαλονίκη). Die stad is rustiger en ligt aan zee, en ’s avonds loopt iedereen over de boulevard richting de Witte Toren. Mijn huisgenote Eleni heeft me in een paar maanden meer Grieks geleerd dan de hele taalcursus.

Op mijn laatste dag schreef ze een kaartje dat nu op mijn koelkast hangt, met de Nederlandse vertaling eronder in haar eigen handschrift:

Καλό ταξίδι και να ξανάρθεις! / Goede reis en kom snel terug!
""",
        "traps": [
            ("Αθήνα", "name_original_script"),
            ("Θεσσαλονίκη", "name_original_script"),
            ("Καλό ταξίδι και να ξανάρθεις! / Goede reis en kom snel terug!", "standalone_line"),
        ],
    },
    {
        "text": """
Iedereen kent de toespraak die Steve Jobs in 2005 gaf op Stanford. Ik heb hem vorige week weer eens teruggekeken, omdat ik twijfel of ik mijn vaste baan moet opzeggen om voor mezelf te beginnen.

Aan het eind zegt hij: “Stay hungry, stay foolish.” Het klinkt bijna te makkelijk, en toch blijft het hangen. Ik ben nu acht jaar accountmanager en ik merk dat de honger weg is. Tegelijk heb ik een hypotheek en twee kinderen, dus zomaar springen zit er niet in.

Mijn plan is om eerst een jaar vier dagen te gaan werken en op de vrije dag mijn eigen bedrijfje op te bouwen. Zo houd ik een beetje work-life balance en kan ik testen of het idee levensvatbaar is. Wie heeft dat ook gedaan? Ik ben benieuwd naar jullie ervaringen.
""",
        "traps": [("Stay hungry, stay foolish.", "quote"), ("work-life balance", "idiom")],
    },
    {
        "text": """
Deze zomer fietsten we met z’n tweeën langs de Rijn van Arnhem naar Keulen. Zeven dagen, ongeveer vierhonderd kilometer, en op twee regenbuien na alleen maar zon. Het terugreizen deden we met de trein, en dat is een verhaal op zich.

De Deutsche Bahn had vertraging, natuurlijk, en ons fietsrijtuig stond aan de andere kant van het perron dan aangegeven. Terwijl wij met volle fietstassen over het perron renden, klonk door de luidsprekers: „Bitte einsteigen und Vorsicht bei der Abfahrt.“ We hebben het net gehaald.

Ondanks dat gedoe zou ik het iedereen aanraden. De fietspaden langs de rivier zijn prachtig en de Gasthöfe onderweg zijn gastvrij. Alle tussenstops staan op mijn kaart: https://fietsroutes.example.nl/rijn/arnhem-keulen
""",
        "traps": [
            ("Deutsche Bahn", "brand"),
            ("Bitte einsteigen und Vorsicht bei der Abfahrt.", "quote"),
            ("https://fietsroutes.example.nl/rijn/arnhem-keulen", "url"),
        ],
    },
    {
        "text": """
Amai, wat een weekend. We waren met de hele bende naar de Ardennen voor het verjaardagsfeest van mijn nonkel, en ik had eerlijk gezegd weinig goesting om te gaan. Drie uur in de file op de E411 hielp ook niet echt.

Maar eens we daar waren, was het ne plezante boel. We hebben gebarbecued, gekajakt op de Ourthe en tot laat buiten gezeten met een Orval. Mijn nichtje heeft haar eerste kampvuur gemaakt en was daar bijzonder fier op.

Posted in Uncategorized
Related posts
""",
        "traps": [
            ("Amai", "emphasis"),
            ("goesting", "emphasis"),
            ("ne plezante boel", "emphasis"),
            ("Orval", "brand"),
            ("Posted in Uncategorized", "chrome"),
            ("Related posts", "chrome"),
        ],
    },
    {
        "text": """
Na vier jaar trouwe dienst heb ik mijn oude telefoon eindelijk vervangen. Ik twijfelde lang tussen een Samsung Galaxy en een Pixel, en uiteindelijk werd het de Pixel, vooral vanwege de camera en de langere updatebelofte.

Het eerste wat opvalt is de snelheid. Ik woon in een dorp waar we pas sinds vorig jaar 5G hebben, en het verschil met mijn oude 4G-toestel is echt groot. Video’s laden direct en een app van 2 GB staat er binnen een minuut op. De accu haalt bij mij makkelijk anderhalve dag.

Minpuntje: er zit geen oplader in de doos, alleen een USB-C-kabel. Dat wist ik, maar het blijft een beetje krenterig voor een toestel van ruim zevenhonderd euro.

Read more
""",
        "traps": [
            ("Samsung Galaxy", "brand"),
            ("Pixel", "brand"),
            ("5G", "emphasis"),
            ("4G", "emphasis"),
            ("USB-C", "emphasis"),
            ("Read more", "chrome"),
        ],
    },
    {
        "text": """
Ons buurthuis zoekt vrijwilligers voor de nieuwe repaircafé-ochtenden op zaterdag. Heb je verstand van fietsen, naaimachines of kapotte broodroosters, of vind je het gewoon leuk om koffie te schenken? Dan zijn we op zoek naar jou.

Aanmelden kan via repaircafe@buurthuis-oost.example.nl of via ons formulier op https://buurthuis-oost.example.nl/vrijwilligers. We sturen je dan een rooster voor de eerste maand. Je zit nergens aan vast: kom je één keer en vind je het niks, dan is dat ook prima.

Volg ons ook op Instagram via @buurthuisoost voor foto’s van de eerste gerepareerde spullen.
""",
        "traps": [
            ("repaircafe@buurthuis-oost.example.nl", "email"),
            ("https://buurthuis-oost.example.nl/vrijwilligers", "url"),
            ("@buurthuisoost", "handle"),
            ("Instagram", "brand"),
        ],
    },
    {
        "text": """
Vorige maand was ik voor mijn werk een week in Israël. De conferentie zelf was in Tel Aviv (תל אביב), in een enorm congrescentrum vlak bij de haven. Overdag zaten we in zalen met veel te koude airco, maar ’s avonds liep ik over het strand naar het oude Jaffa.

Op de vrije dag nam ik de trein naar Jeruzalem (ירושלים). De oude stad is overweldigend: binnen een paar honderd meter loop je van de Klaagmuur naar de Via Dolorosa en ruik je overal specerijen en vers brood. Ik had een gids geboekt die me heel rustig alles uitlegde.

Mijn collega’s daar sloten elke mail af op dezelfde manier, en dat is blijven hangen:

Shalom!
""",
        "traps": [
            ("תל אביב", "name_original_script"),
            ("ירושלים", "name_original_script"),
            ("Via Dolorosa", "latin"),
            ("Shalom!", "standalone_line"),
        ],
    },
    {
        "text": """
Vorige week kwam ik weer zo’n lijstje tegen met zeven tips om productiever te worden. Het meeste is oude wijn in nieuwe zakken: begin met de moeilijkste taak, zet je telefoon uit, plan pauzes. Toch staat er één ding in dat ik echt heb overgenomen.

Less is more

Ik heb mijn takenlijst teruggebracht tot maximaal drie dingen per dag. Wat er niet op past, gaat naar een aparte lijst voor later. In het begin voelde dat als falen, alsof ik niet genoeg deed. Na twee weken merk ik vooral dat ik ’s avonds niet meer met dat opgejaagde gevoel op de bank zit.

Of het voor iedereen werkt weet ik niet, maar voor mij was het een eyeopener. Probeer het een week en laat me weten hoe het ging.
""",
        "traps": [("Less is more", "heading"), ("eyeopener", "idiom")],
    },
    {
        "text": """
Tijdens de kerstvakantie zijn we een paar dagen naar Wenen geweest. Het was ijskoud, maar de kerstmarkten maakten veel goed. Bij het Rathaus staat een enorme markt met lichtjes in alle bomen, en je krijgt je punch in een mok die je als souvenir mag houden.

Servus und willkommen

Zo begroette de eigenaar van ons pension ons elke ochtend. Hij had een eindeloze voorraad verhalen over de stad en wist precies welke koffiehuizen we moesten hebben. In Café Central hebben we een hele middag gezeten met Sachertorte en een Melange.

Wat ik vooral meeneem is die typisch Weense Gemütlichkeit: niemand heeft haast, en een kop koffie mag rustig twee uur duren.
""",
        "traps": [
            ("Servus und willkommen", "heading"),
            ("Café Central", "brand"),
            ("Sachertorte", "brand"),
            ("Gemütlichkeit", "idiom"),
        ],
    },
    {
        "text": """
Het is nu precies een jaar geleden dat we met z’n drieën naar Zuid-Korea verhuisden. Mijn man kreeg een contract bij een scheepswerf, ik kon mijn werk als vertaler gewoon meenemen, en onze dochter van acht vond het vooral spannend dat ze naar een school zou gaan waar ze de letters niet kon lezen. Veel mensen vroegen of we niet gek waren. Misschien een beetje.

De eerste maanden woonden we in een tijdelijk appartement in Seoul (서울), op de achttiende verdieping, met uitzicht op een snelweg en een bergje vol wandelpaden. Ik heb in die tijd waarschijnlijk meer kimchi gegeten dan in mijn hele leven daarvoor. Het expatleven daar is makkelijk: er zijn Engelstalige artsen, internationale supermarkten en genoeg andere Nederlanders om op Koningsdag samen oranje te dragen. Toch voelde het een beetje als een bubbel.

In het voorjaar verhuisden we naar Busan (부산), dichter bij de werf en dichter bij zee. Hier spreekt bijna niemand Engels, en dat heeft mijn Koreaans meer geholpen dan alle lessen samen. De vrouw van de groentekraam op de hoek corrigeert elke dag geduldig mijn uitspraak, en onze dochter vertaalt inmiddels voor mij bij de kapper. Onder de foto van haar eerste schooldag, die nu op de koelkast hangt, schreef haar juf:
첫날 축하해! / Gefeliciteerd met je eerste dag!

3 reacties

Joon-ho
I work with your husband at the yard and my wife showed me this post through a translation app. We are very happy that your family likes Busan more than Seoul, because of course Busan is better! Next month there is a fireworks festival at Gwangalli beach, please come with us and bring your daughter.
""",
        "traps": [
            ("서울", "name_original_script"),
            ("부산", "name_original_script"),
            ("expatleven", "idiom"),
            ("첫날 축하해! / Gefeliciteerd met je eerste dag!", "standalone_line"),
            (
                "I work with your husband at the yard and my wife showed me this post through a translation app. We are very happy that your family likes Busan more than Seoul, because of course Busan is better! Next month there is a fireworks festival at Gwangalli beach, please come with us and bring your daughter.",
                "foreign_comment",
            ),
        ],
    },
]
