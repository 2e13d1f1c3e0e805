# Hand-written legitimate Polish-host documents for corpora/legit.jsonl.
HOST = "pl"

DOCS = [
    {
        "text": """
Miesiąc temu wyprowadziłam się od rodziców i zamieszkałam sama w kawalerce na Nadodrzu. Wszyscy mnie ostrzegali, że będzie ciężko, a ja i tak byłam zaskoczona, ile drobnych rzeczy trzeba ogarnąć, zanim w ogóle można normalnie żyć.

First things first

Najpierw umowa z dostawcą prądu i internetu, potem pralka, a dopiero na końcu ładne zasłony i rośliny. Próbowałam zrobić to w odwrotnej kolejności i przez tydzień siedziałam bez wifi, ale za to z trzema monsterami na parapecie.

Dziś już jest spokojniej. Mam swój rytm, gotuję na dwa dni i nauczyłam się, że rachunki trzeba płacić od razu, a nie „jutro”.
""",
        "traps": [("First things first", "heading"), ("wifi", "idiom")],
    },
    {
        "text": """
Od stycznia pracuję w nowej firmie i muszę przyznać, że korpomowa to osobny język. Codziennie rano mamy daily, w którym każdy mówi, co robi, a potem są kolejne meetingi, na których wszyscy sprawdzają, czy zdążymy przed deadline’em.

Mój szef ma ulubione słowo: challenge. Każdy problem jest u niego challenge’em, nawet zepsuty ekspres do kawy. Na początku mnie to śmieszyło, ale teraz łapię się na tym, że sama mówię do męża, że zakupy na weekend to „must have”.

Ale żeby nie było, ludzie są świetni, a atmosfera naprawdę spoko. Po prostu słownik mi się trochę rozszerzył.
""",
        "traps": [
            ("daily", "idiom"),
            ("meetingi", "idiom"),
            ("deadline’em", "idiom"),
            ("challenge", "idiom"),
            ("must have", "idiom"),
            ("spoko", "emphasis"),
        ],
    },
    {
        "text": """
Przez pięć lat pracowałem w Niemczech, w małej firmie pod Stuttgartem. Mój pierwszy kierownik, pan Weber, był człowiekiem bardzo spokojnym, ale miał obsesję na punkcie porządku na stanowisku pracy.

Codziennie o piętnastej obchodził halę i powtarzał to samo: „Ordnung ist das halbe Leben.” Porządek to połowa życia. Wtedy mnie to irytowało, ale kiedy założyłem własny warsztat w Poznaniu, pierwsze, co zrobiłem, to tablicę na narzędzia z obrysem każdego klucza.

Czasem myślę, że powinienem mu wysłać zdjęcie. Chyba byłby dumny.
""",
        "traps": [("Ordnung ist das halbe Leben.", "quote")],
    },
    {
        "text": """
W maju pojechałam z córką do Ukrainy, pierwszy raz od wielu lat. Zaczęłyśmy od Lwowa (Львів), gdzie moja babcia chodziła do szkoły przed wojną. Szukałyśmy jej dawnej kamienicy i w końcu ją znalazłyśmy, z tą samą bramą, co na starym zdjęciu.

Potem pociągiem nocnym pojechałyśmy do Kijowa (Київ). Sobór Mądrości Bożej i Ławra Peczerska zrobiły na nas ogromne wrażenie, a córka zakochała się w pierogach z wiśniami, które tam nazywają wareniki.

Na pożegnanie gospodyni, u której mieszkałyśmy, powiedziała po ukraińsku: „Приїжджайте ще, будемо раді.” Obiecałyśmy, że wrócimy.
""",
        "traps": [
            ("Львів", "name_original_script"),
            ("Київ", "name_original_script"),
            ("Приїжджайте ще, будемо раді.", "quote"),
        ],
    },
    {
        "text": """
Zapraszamy wszystkich biegaczy, spacerowiczów i kibiców na sobotni parkrun w parku Skaryszewskim. Start o 9:00 przy kamieniu, trasa ma pięć kilometrów i jest w całości płaska, więc nadaje się także dla początkujących i osób z wózkami.

Rejestracja jest darmowa na stronie https://www.parkrun.pl/skaryszewski/, a pytania można wysyłać na adres skaryszewski@example.pl. Nie zapomnijcie wydrukować swojego kodu kreskowego, bez niego nie zapiszemy waszego czasu.

Zdjęcia z każdego biegu wrzucamy na Instagram z tagiem #parkrunPolska, a relacje na żywo prowadzi nasz wolontariusz @biegajzkasia.
""",
        "traps": [
            ("parkrun", "brand"),
            ("https://www.parkrun.pl/skaryszewski/", "url"),
            ("skaryszewski@example.pl", "email"),
            ("#parkrunPolska", "hashtag"),
            ("@biegajzkasia", "handle"),
            ("Instagram", "brand"),
        ],
    },
    {
        "text": """
Po aktualizacji systemu mój mały serwer w piwnicy przestał wyświetlać stronę. Przez godzinę szukałem przyczyny, zanim zajrzałem do logów. Okazało się, że nowa wersja nginx nie akceptowała jednej starej dyrektywy w konfiguracji.

Wystarczyło poprawić plik /etc/nginx/sites-available/default, sprawdzić składnię poleceniem `sudo nginx -t` i zrestartować usługę przez `sudo systemctl restart nginx`. Strona wróciła po kilku sekundach.

Morał jest prosty: zanim zaczniesz panikować, przeczytaj logi. Ja zawsze zaczynam od `journalctl -u nginx --since today` i to oszczędza mi mnóstwo czasu.
""",
        "traps": [
            ("nginx", "brand"),
            ("/etc/nginx/sites-available/default", "code"),
            ("sudo nginx -t", "code"),
            ("sudo systemctl restart nginx", "code"),
            ("journalctl -u nginx --since today", "code"),
        ],
    },
    {
        "text": """
Od kiedy przeprowadziliśmy się na wieś pod Krakowem, zmieniły się nasze zakupowe przyzwyczajenia. Najbliższa Biedronka jest sześć kilometrów od domu, a Żabki nie ma w ogóle, co dla mieszczucha jest prawdziwym szokiem.

Większość rzeczy zamawiamy teraz przez Allegro i odbieramy z paczkomatu InPost przy stacji benzynowej. Do miasta jeździmy pociągiem PKP Intercity raz w tygodniu, a jajka, mleko i warzywa kupujemy od sąsiadów.

Czy jest taniej? Nie bardzo. Czy jest lepiej? Zdecydowanie tak.
""",
        "traps": [
            ("Biedronka", "brand"),
            ("Żabki", "brand"),
            ("Allegro", "brand"),
            ("InPost", "brand"),
            ("PKP Intercity", "brand"),
        ],
    },
    {
        "text": """
Spotkanie wspólnoty mieszkaniowej trwało wczoraj prawie trzy godziny i, jak zwykle, nic z niego nie wynikło. Zarząd przedstawił plan remontu dachu, ale de facto nikt nie miał przed sobą kosztorysu, więc dyskusja toczyła się w próżni.

Pani z trzeciego piętra zaproponowała, żeby ad hoc powołać komisję do zebrania ofert. Pomysł dobry, tylko że nikt się nie zgłosił. Notabene, to ta sama pani, która od pięciu lat zgłasza przeciekający sufit.

Skończyło się na tym, że status quo pozostaje bez zmian: dach przecieka, a my czekamy na kolejne zebranie.
""",
        "traps": [
            ("de facto", "latin"),
            ("ad hoc", "latin"),
            ("Notabene", "latin"),
            ("status quo", "latin"),
        ],
    },
    {
        "text": """
Dzisiaj szybki przepis na pierogi ruskie, bo dostałam o niego mnóstwo wiadomości po ostatnim filmiku. Ciasto z mąki, ciepłej wody i odrobiny masła, farsz z ziemniaków, twarogu i dużej ilości smażonej cebuli.

Najważniejsze jest, żeby farsz był dobrze doprawiony pieprzem i żeby ciasto nie było za grube. Gotujemy w osolonej wodzie, aż wypłyną, a potem jeszcze minutę. Podajemy z cebulką i kwaśną śmietaną.

Posted in Uncategorized
Leave a Reply
Your email address will not be published. Required fields are marked *
""",
        "traps": [
            ("Posted in Uncategorized", "chrome"),
            ("Leave a Reply", "chrome"),
            ("Your email address will not be published. Required fields are marked *", "chrome"),
        ],
    },
    {
        "text": """
No i stało się, mój synek poszedł do przedszkola. Pierwszego dnia płakał, drugiego płakał, trzeciego NIE chciał w ogóle wyjść z auta. Czwartego dnia zapomniał się ze mną pożegnać, bo pani pokazała mu akwarium.

Teściowa, która jest ze Śląska, cały czas powtarza, że to taki gryfny bajtel i że nie ma się czym martwić. Pewnie ma rację, ale ja przez pierwszy tydzień siedziałam w pracy jak na szpilkach.

Teraz wraca do domu i opowiada o nowych kolegach oraz o tym, że w przedszkolu jest „wogóle najlepiej”. Trochę mnie to boli, ale bardziej cieszy.
""",
        "traps": [("NIE", "emphasis"), ("gryfny bajtel", "emphasis"), ("wogóle", "emphasis")],
    },
    {
        "text": """
W piątek w naszym klubie filmowym pokazywaliśmy Nuovo Cinema Paradiso Giuseppe Tornatorego. Sala była pełna, a pod koniec słychać było, jak ktoś w trzecim rzędzie cicho pociąga nosem. Przyznaję, że tym kimś byłem ja.

Po projekcji rozmawialiśmy o tym, jak zmieniło się chodzenie do kina. Jedna z uczestniczek opowiadała, że jako nastolatka oglądała Dirty Dancing w kinie w Sandomierzu, bo innych nie było, i że to był wtedy jedyny film na cały miesiąc.

Na zakończenie puściliśmy jeszcze muzykę Ennio Morricone i nikt nie chciał wychodzić.
""",
        "traps": [("Nuovo Cinema Paradiso", "title"), ("Dirty Dancing", "title")],
    },
    {
        "text": """
Wróciliśmy z tygodniowego spływu kajakowego po Czarnej Hańczy. Pogoda dopisała, komary też, niestety. Najpiękniejszy był odcinek przez Puszczę Augustowską, gdzie przez kilka godzin nie spotkaliśmy żywej duszy.

Na polu namiotowym poznaliśmy parę z Wielkiej Brytanii, która płynęła tą samą trasą. Wieczorami siedzieliśmy razem przy ognisku i tłumaczyliśmy im, co to jest kiełbasa z ogniska.

Komentarze

Mark and Julie
We found your blog through the photo you sent us, thank you! Paddling with you guys was the best part of our holiday in Poland. Julie is still talking about the grilled sausages, and I am still scratching the mosquito bites. Hope to see you again on the water next summer.
""",
        "traps": [
            (
                "We found your blog through the photo you sent us, thank you! Paddling with you guys was the best part of our holiday in Poland. Julie is still talking about the grilled sausages, and I am still scratching the mosquito bites. Hope to see you again on the water next summer.",
                "foreign_comment",
            )
        ],
    },
    {
        "text": """
W ten weekend odwiedziliśmy przyjaciół w Pradze. Przejechaliśmy przez Karkonosze, zatrzymaliśmy się na obiad w Libercu i wieczorem byliśmy już w mieście. Praga wiosną jest przepiękna, chociaż tłumy na moście Karola trudno ominąć.

Nasi znajomi mieszkają na Vinohradach i pokazali nam miejsca, do których turyści raczej nie trafiają. Najlepsze knedliki jedliśmy w małej gospodzie bez szyldu, a piwo lano tam tak, jak czeski właściciel uznał za słuszne.

Na pożegnanie ich kilkuletni syn stanął w drzwiach i zawołał:

Ahoj, zase přijeďte!
""",
        "traps": [("knedliki", "idiom"), ("Ahoj, zase přijeďte!", "standalone_line")],
    },
]
