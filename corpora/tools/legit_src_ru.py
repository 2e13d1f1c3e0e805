# Hand-written legitimate Russian-host documents for corpora/legit.jsonl.
# NB: build_legit.py rejects the banned words listed in BANNED; keep them out of this file's texts.
HOST = "ru"

DOCS = [
    {
        "text": """
Год назад я решила выучить английский по-настоящему, а не так, как в школе. Записалась на курсы, скачала пару приложений и пообещала себе заниматься каждый день хотя бы по двадцать минут. Сегодня могу сказать, что обещание сдержала.

Small steps every day

Эту фразу мне написала преподавательница на первой странице тетради. Сначала она казалась банальной, но именно маленькие шаги сработали. Я не пыталась выучить всё сразу, просто каждый вечер смотрела одну серию сериала с субтитрами и выписывала новые слова.

Разговорный клуб по субботам, конечно, nice to have, но главное всё-таки регулярность. В мае сдаю экзамен, держите за меня кулаки.
""",
        "traps": [("Small steps every day", "heading"), ("nice to have", "idiom")],
    },
    {
        "text": """
Наконец-то перенёс свой маленький проект с домашнего компьютера на сервер. Это простой бот в Telegram, который раз в день присылает нашей семье прогноз погоды и напоминает, кому выносить мусор.

Всё написано на Python. Сначала создал виртуальное окружение и поставил библиотеку командой `pip install python-telegram-bot`, потом вынес токен в файл .env, чтобы случайно не выложить его на GitHub. Бот запускается через `python3 bot.py`, а чтобы он не падал после перезагрузки, я настроил службу systemd.

Код лежит тут: https://git.example.ru/sergey/weather-bot. Если кто-то захочет сделать такой же, пишите в личку @sergey_codes, помогу.
""",
        "traps": [
            ("Telegram", "brand"),
            ("Python", "brand"),
            ("pip install python-telegram-bot", "code"),
            (".env", "code"),
            ("GitHub", "brand"),
            ("python3 bot.py", "code"),
            ("systemd", "code"),
            ("https://git.example.ru/sergey/weather-bot", "url"),
            ("@sergey_codes", "handle"),
        ],
    },
    {
        "text": """
Этой осенью мы с мужем наконец съездили в Японию. Начали с Токио (東京), который оказался гораздо тише, чем я ожидала: миллионы людей, но никто не кричит и не толкается. Потом на скоростном поезде отправились в Киото (京都).

Там мы жили в традиционной гостинице с татами и ужином из десяти маленьких блюд. Вечером гуляли по району Гион и даже видели гейшу, которая спешила куда-то по узкой улочке.

Фотографий получилось очень много, самые удачные выложила в инстаграм с тегами #japan и #autumnvibes.
""",
        "traps": [
            ("東京", "name_original_script"),
            ("京都", "name_original_script"),
            ("#japan", "hashtag"),
            ("#autumnvibes", "hashtag"),
        ],
    },
    {
        "text": """
В субботу мы с друзьями устроили вечер песен The Beatles. Собрались на даче, растопили печку, и мой брат достал старую гитару, на которой не играл лет десять.

Начали, конечно, с Yesterday, потом были Let It Be и Hey Jude, а закончили уже под утро песней Here Comes the Sun, когда за окном действительно начало светать. Соседи, кажется, не очень оценили, но мы были счастливы.

Мой брат любит повторять слова Джона Леннона: “Life is what happens when you’re busy making other plans.” В тот вечер мы никаких планов не строили.

Комментарии

Tom
I was the English friend at the dacha that night! Best evening of my whole stay in Russia. I still can’t believe your brother remembered all the chords after ten years. Please invite me again next summer.
""",
        "traps": [
            ("The Beatles", "brand"),
            ("Yesterday", "title"),
            ("Let It Be", "title"),
            ("Hey Jude", "title"),
            ("Here Comes the Sun", "title"),
            ("Life is what happens when you’re busy making other plans.", "quote"),
            (
                "I was the English friend at the dacha that night! Best evening of my whole stay in Russia. I still can’t believe your brother remembered all the chords after ten years. Please invite me again next summer.",
                "foreign_comment",
            ),
        ],
    },
    {
        "text": """
Сегодня делюсь рецептом сырников, которые у нас в семье готовят каждое воскресенье. Нужны творог, одно яйцо, две ложки муки, немного сахара и щепотка соли. Никакой манки и никакой соды.

Творог обязательно протереть через сито, иначе сырники получатся комковатыми. Обжаривать на небольшом огне под крышкой, по три минуты с каждой стороны. Подавать со сметаной или вареньем.

Share this:
Like this:
Related posts
""",
        "traps": [("Share this:", "chrome"), ("Like this:", "chrome"), ("Related posts", "chrome")],
    },
    {
        "text": """
Полгода назад мы переехали в Берлин, и я обещала друзьям рассказать, как устроилась наша жизнь. Рассказываю по порядку, но коротко, потому что впечатлений слишком много.

Самое первое немецкое слово, которое я выучила по-настоящему, это Feierabend. Коллеги произносят его в пять вечера с такой радостью, как будто объявляют праздник. После работы никто не отвечает на письма, и через пару месяцев я тоже перестала это делать. Оказалось, что так вполне можно жить.

С транспортом всё сложнее. Deutsche Bahn опаздывает так часто, что соседка, услышав мои жалобы, только вздохнула: „Willkommen in Deutschland, hier ist nichts pünktlich außer den Menschen.“ Зато метро и трамваи ходят хорошо, а на велосипеде можно доехать почти куда угодно.

В следующий раз напишу про поиск квартиры, это отдельная история. А пока всем привет из Берлина!

Tschüss!
""",
        "traps": [
            ("Feierabend", "idiom"),
            ("Deutsche Bahn", "brand"),
            ("Willkommen in Deutschland, hier ist nichts pünktlich außer den Menschen.", "quote"),
            ("Tschüss!", "standalone_line"),
        ],
    },
]
