# Hand-written legitimate Swedish-host documents for corpora/legit.jsonl.
HOST = "sv"

DOCS = [
    {
        "text": """
Förra våren köpte vi en gammal röd stuga utanför Sunne, utan el i uthuset och med en brunn som ingen riktigt vågade dricka ur. Vänner trodde att vi hade blivit galna. Ett år senare har vi tillbringat nästan varje helg där.

Slow living

Det är ett uttryck jag länge tyckte lät lite fånigt, men nu förstår jag vad folk menar. Vi vaknar när vi vaknar, plockar blåbär i skogen bakom huset och eldar i vedspisen på kvällarna. Telefonen ligger oftast kvar i bilen.

Nästa projekt är att byta taket på uthuset innan vintern. Tips på hantverkare i Värmland tas tacksamt emot.
""",
        "traps": [("Slow living", "heading")],
    },
    {
        "text": """
Vi har letat lägenhet i Göteborg i snart ett halvår, och jag börjar bli ganska trött. Varje visning är full av folk, och budgivningen drar iväg långt över utgångspriset.

Min sambo och jag har kommit fram till några saker. En balkong är ett måste, ingen diskussion. Att bo mer än tjugo minuter från jobbet är en deal breaker för mig, medan han kan tänka sig att pendla. Worst case får vi bo kvar i vår tvåa ett år till, och det är ju inte hela världen.

By the way: är det någon här som har erfarenhet av bostadsrättsföreningar i Majorna? Vi har hört blandade saker om avgifterna där.
""",
        "traps": [("deal breaker", "idiom"), ("Worst case", "idiom"), ("By the way", "idiom")],
    },
    {
        "text": """
Min bästa vän från studietiden bor numera i Bergen, och i somras vandrade vi tillsammans över Hardangervidda i sex dagar. Det regnade fyra av dem.

Varje morgon när jag kröp ut ur tältet med blöta strumpor stod hon redan och kokade kaffe och sa på sin glada bergensdialekt: ”Ut på tur, aldri sur!” Jag har aldrig hatat och älskat ett ordspråk lika mycket samtidigt.

Sista dagen sprack himlen upp och vi satt en hel timme på en klippa ovanför en sjö och bara tittade. Då förstod jag vad hon menade.
""",
        "traps": [("Ut på tur, aldri sur!", "quote")],
    },
    {
        "text": """
Efter tre veckor i Thailand är vi hemma igen, bruna och lite tyngre. Resan började i Bangkok (กรุงเทพฯ), där vi bodde nära floden och tog båtbussen överallt. Trafiken på land är nämligen helt omöjlig.

Sedan tog vi nattåget norrut till Chiang Mai (เชียงใหม่), en betydligt lugnare stad med templen tätt intill varandra. Där gick vi en matlagningskurs och lärde oss göra grön curry från grunden. Jag har redan försökt hemma två gånger, med varierande resultat.

Sista veckan låg vi bara på stranden på Koh Lanta. Barnen lärde sig säga tack, khop khun kha, och använde det flitigt på varenda servitör.
""",
        "traps": [
            ("กรุงเทพฯ", "name_original_script"),
            ("เชียงใหม่", "name_original_script"),
            ("khop khun kha", "idiom"),
        ],
    },
    {
        "text": """
Midsommar i Dalarna blev precis så fint som vi hade hoppats. Vi klädde stången på förmiddagen, dansade små grodorna med barnen och åt sill och färskpotatis tills ingen orkade mer.

Bilderna från helgen har jag lagt upp under #midsommar och #dalarna, och hela filmen från dansen finns på https://video.example.se/familjen-nilsson/midsommar. Vill ni ha originalfilerna kan ni mejla mig på anna.nilsson@example.se.

Stort tack till grannarna @gardenpaback som lånade ut både bord och dragspel!
""",
        "traps": [
            ("#midsommar", "hashtag"),
            ("#dalarna", "hashtag"),
            ("https://video.example.se/familjen-nilsson/midsommar", "url"),
            ("anna.nilsson@example.se", "email"),
            ("@gardenpaback", "handle"),
        ],
    },
    {
        "text": """
I vintras byggde jag om hela hemautomationen i huset, och flera har frågat hur jag gjorde. Allt körs på en liten dator i klädkammaren med Home Assistant, som styr lampor, värmepump och en fuktsensor i källaren.

Det mesta ställer man in via webbgränssnittet, men vissa saker måste man fortfarande skriva i filen configuration.yaml. Jag loggar in med `ssh admin@homeassistant.local` och kör `ha core restart` när jag har ändrat något. En rad som `unit_system: metric` verkar självklar, men jag glömde den första gången och fick temperaturen i Fahrenheit.

Nästa steg blir att koppla in robotdammsugaren. Vi får se om hunden går med på det.
""",
        "traps": [
            ("Home Assistant", "brand"),
            ("configuration.yaml", "code"),
            ("ssh admin@homeassistant.local", "code"),
            ("ha core restart", "code"),
            ("unit_system: metric", "code"),
        ],
    },
    {
        "text": """
Vi har haft samma Volvo V70 i femton år, och nu har den äntligen gått i pension. Istället för en ny bil har vi bestämt oss för att testa ett år utan, med SJ för längre resor och hyrbil när det behövs.

Vardagen har faktiskt blivit enklare. Storhandlingen på ICA beställer vi hem en gång i veckan, och till jobbet cyklar vi. Det enda som är krångligt är att ta sig till Systembolaget innan fredagskvällen, men det är kanske inte så dumt att det är lite besvärligt.

Jag återkommer efter sommaren med en ärlig sammanfattning av vad det kostat.
""",
        "traps": [
            ("Volvo V70", "brand"),
            ("SJ", "brand"),
            ("ICA", "brand"),
            ("Systembolaget", "brand"),
        ],
    },
    {
        "text": """
Kommunens nya plan för skolskjutsar väcker mycket frågor bland oss föräldrar på landsbygden. Enligt förvaltningen är kostnaden per capita för hög i de minsta byarna, och därför ska vissa linjer slås ihop.

Problemet är att de facto innebär det att sjuåringar får gå nästan tre kilometer längs en väg utan trottoar för att nå hållplatsen. Att lösa det ad hoc med föräldrar som skjutsar fungerar någon vecka, men inte ett helt läsår.

Vi har bett om ett möte med nämnden. Jag förväntar mig inga mirakel, men att bara acceptera status quo är inget alternativ.
""",
        "traps": [
            ("per capita", "latin"),
            ("de facto", "latin"),
            ("ad hoc", "latin"),
            ("status quo", "latin"),
        ],
    },
    {
        "text": """
Kanelbullens dag närmar sig, så här kommer mitt bästa recept. Degen gör jag med mjölk, smör, jäst, socker, vetemjöl och en rejäl nypa stött kardemumma. Fyllningen är bara smör, socker och kanel, men var inte snål med smöret.

Låt degen jäsa i en timme, kavla ut, bred på fyllningen och rulla ihop. Skär i bitar, lägg i formar och låt jäsa igen. Pensla med ägg, strö över pärlsocker och grädda på 225 grader i ungefär åtta minuter.

Posted in Uncategorized
Related posts
Leave a Reply
""",
        "traps": [
            ("Posted in Uncategorized", "chrome"),
            ("Related posts", "chrome"),
            ("Leave a Reply", "chrome"),
        ],
    },
    {
        "text": """
Asså jag fattar inte hur folk orkar med sina hundar i lägenhet. Vi har haft vår valp i typ två veckor nu och han har redan ätit upp en sko, halva soffkudden och mina hörlurar. SJUKT gullig är han ju, men jag har inte sovit ordentligt sedan han kom.

Min mormor som bor i Skåne säger att han är en riktig liten påg och att det går över. Hon har haft hund i hela sitt liv, så jag väljer att lita på henne.

Tips på tuggleksaker som faktiskt håller mer än en dag? Allt vi köpt hittills har gått sönder på nolltid.
""",
        "traps": [
            ("Asså", "emphasis"),
            ("typ", "emphasis"),
            ("SJUKT", "emphasis"),
            ("påg", "emphasis"),
        ],
    },
    {
        "text": """
I lördags var vi på en ABBA-kväll i Folkets park, och det var precis så härligt som det låter. Ett coverband från Norrköping spelade i två timmar, och hela parken sjöng med.

När de drog igång Dancing Queen stod till och med min pappa upp och dansade, något jag inte sett sedan mitt eget bröllop. Sedan kom Mamma Mia och The Winner Takes It All, och då var det några i publiken som fick torka tårar.

Nästa år ska vi ta med oss grannarna också. Man blir på så gott humör av den musiken.
""",
        "traps": [
            ("ABBA", "brand"),
            ("Dancing Queen", "title"),
            ("Mamma Mia", "title"),
            ("The Winner Takes It All", "title"),
        ],
    },
    {
        "text": """
I helgen hälsade vi på släkten i Helsingfors. Vi tog Silja Line från Stockholm, och barnen tyckte att färjan var den bästa delen av hela resan, särskilt buffén och bollhavet.

Min farmor är finlandssvensk och pratar svenska med oss, men med grannarna pratar hon finska. Efter middagen hade hon skrivit en liten lapp till var och en av barnbarnen, som vi hittade i våra jackfickor på färjan hem:

Kiitos käynnistä! – Tack för besöket!
""",
        "traps": [
            ("Silja Line", "brand"),
            ("Kiitos käynnistä! – Tack för besöket!", "standalone_line"),
        ],
    },
    {
        "text": """
Vi har hyrt ut vår sommarstuga på Öland i tre säsonger nu, och för det mesta har det varit en positiv upplevelse. Gästerna lämnar huset städat och skriver vänliga hälsningar i gästboken.

I år hade vi en tysk familj i två veckor i juli. De cyklade runt hela ön och var särskilt förtjusta i alvaret och väderkvarnarna.

Kommentarer

Familie Becker
Vielen Dank für die wunderschönen Wochen in eurem Haus! Die Kinder wollten am Ende gar nicht mehr abreisen und haben jeden Abend am Strand nach Fossilien gesucht. Wir kommen ganz bestimmt wieder, vielleicht schon im nächsten Sommer.
""",
        "traps": [
            (
                "Vielen Dank für die wunderschönen Wochen in eurem Haus! Die Kinder wollten am Ende gar nicht mehr abreisen und haben jeden Abend am Strand nach Fossilien gesucht. Wir kommen ganz bestimmt wieder, vielleicht schon im nächsten Sommer.",
                "foreign_comment",
            )
        ],
    },
]
