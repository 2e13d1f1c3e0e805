# Hand-written legitimate Spanish-host documents for corpora/legit.jsonl.
HOST = "es"

DOCS = [
    {
        "text": """
Cuando nos mudamos a un piso de cincuenta metros en Madrid, tuvimos que deshacernos de casi la mitad de nuestras cosas. Al principio fue doloroso, sobre todo con los libros, pero hoy no cambiaría nuestra casa pequeña por nada.

Keep it simple

Esa frase la tengo pegada en la nevera desde entonces. Antes de comprar algo me pregunto dónde lo voy a guardar y si de verdad lo voy a usar más de tres veces. Si la respuesta es no, no entra en casa. Parece exagerado, pero hemos ahorrado muchísimo y limpiamos en la mitad de tiempo.

Eso sí, no soy una talibana del minimalismo. Tengo una colección de tazas que no pienso tocar.
""",
        "traps": [("Keep it simple", "heading")],
    },
    {
        "text": """
Llevo tres meses trabajando en una agencia de marketing y todavía me cuesta acostumbrarme a la jerga. Aquí nadie tiene reuniones, tienen un call; nadie pide opiniones, pide feedback; y los viernes se habla del afterwork como si fuera una institución sagrada.

Mi jefa dice que la nueva campaña es un must para cualquier cliente que quiera crecer en redes, y yo asiento con cara de entenderlo todo. Lo peor es que ya se me está pegando: el otro día le dije a mi madre que necesitaba un break, y me miró como si hablara chino.

En fin, el trabajo me gusta mucho y el equipo es genial. Solo espero no acabar diciendo deadline en la cena de Navidad.
""",
        "traps": [
            ("call", "idiom"),
            ("feedback", "idiom"),
            ("afterwork", "idiom"),
            ("must", "idiom"),
            ("break", "idiom"),
            ("deadline", "idiom"),
        ],
    },
    {
        "text": """
Mi abuelo nació en un pueblo de Lugo y emigró a Buenos Aires con diecinueve años. Volvió a Galicia cuarenta años después, con una pequeña ferretería vendida y muchas historias que contar.

Cada vez que alguno de sus nietos dudaba antes de tomar una decisión importante, él repetía lo mismo: «Quen non arrisca, non gaña». Quien no arriesga, no gana. Lo decía en gallego, con ese acento porteño que nunca perdió del todo.

Esta semana he firmado el contrato para abrir mi propia librería, y no he podido dejar de pensar en él. Ojalá pudiera verla.
""",
        "traps": [("Quen non arrisca, non gaña", "quote")],
    },
    {
        "text": """
Por fin cumplí el sueño de viajar a la India. Fueron tres semanas intensas, con calor, ruido y una cantidad de colores que ninguna foto es capaz de captar. Empezamos en Delhi (दिल्ली), donde pasamos dos días recorriendo el Fuerte Rojo y los mercados de Chandni Chowk.

Desde allí tomamos el tren a Agra (आगरा) para ver el Taj Mahal al amanecer. Sí, hay mucha gente, y sí, merece la pena madrugar. Después seguimos hasta Jaipur (जयपुर), la ciudad rosa, donde nos alojamos en un antiguo palacio convertido en hotel.

Lo que más echo de menos es el chai de la estación, servido en vasitos de barro por dos rupias. Nunca un té me había sabido tan bien.
""",
        "traps": [
            ("दिल्ली", "name_original_script"),
            ("आगरा", "name_original_script"),
            ("जयपुर", "name_original_script"),
            ("chai", "idiom"),
        ],
    },
    {
        "text": """
Un año más, las Fallas han llenado Valencia de pólvora, música y buñuelos. Este año me tocó vivirlas desde dentro, porque mi cuñado es fallero y me convenció para desfilar en la ofrenda.

Fueron cinco días sin dormir casi nada, pero no me arrepiento. La noche de la cremà, cuando ardió nuestra falla, se me escaparon unas lágrimas sin saber muy bien por qué.

He subido un montón de fotos a Instagram con las etiquetas #Fallas2024 y #València, y también podéis ver el vídeo completo de la mascletà en el canal de nuestra comisión, @fallaplazaluna. Si queréis información para el año que viene, escribid a info@fallaplazaluna.example.es.
""",
        "traps": [
            ("cremà", "idiom"),
            ("mascletà", "idiom"),
            ("#Fallas2024", "hashtag"),
            ("#València", "hashtag"),
            ("@fallaplazaluna", "handle"),
            ("info@fallaplazaluna.example.es", "email"),
            ("Instagram", "brand"),
        ],
    },
    {
        "text": """
Como me lo habéis preguntado varias veces, aquí va el truco para llevar el presupuesto doméstico en una hoja de cálculo sin volverse loco. Yo uso una pestaña por mes y una última pestaña con el resumen anual.

En cada mes pongo los gastos en la columna B y, al final, la fórmula `=SUMA(B2:B40)`. En la pestaña de resumen tiro de cada mes con algo como `='Enero'!B41` y ya está. Si os animáis a más, con `=SUMAR.SI(C2:C40;"comida";B2:B40)` podéis ver cuánto se va en cada categoría.

He dejado la plantilla vacía en presupuesto_2024.xlsx para quien la quiera. Descargadla, copiadla y adaptadla a vuestro gusto.
""",
        "traps": [
            ("=SUMA(B2:B40)", "code"),
            ("='Enero'!B41", "code"),
            ('=SUMAR.SI(C2:C40;"comida";B2:B40)', "code"),
            ("presupuesto_2024.xlsx", "code"),
        ],
    },
    {
        "text": """
Después de diez años con el mismo coche, un Seat Ibiza que ya había dado todo lo que tenía que dar, hemos decidido probar a vivir sin coche propio. Vivimos en el centro de Sevilla y, la verdad, casi no lo usábamos.

Ahora hacemos la compra grande en Mercadona con el carrito de la abuela, para los viajes largos cogemos el tren de Renfe y, si un fin de semana queremos ir a la sierra, alquilamos un coche por horas. Hemos echado cuentas y nos ahorramos unos doscientos euros al mes entre seguro, gasolina y aparcamiento.

¿Alguien más ha dado el paso? Me interesa sobre todo saber cómo os organizáis con niños pequeños.
""",
        "traps": [("Seat Ibiza", "brand"), ("Mercadona", "brand"), ("Renfe", "brand")],
    },
    {
        "text": """
La junta de vecinos aprobó ayer, grosso modo, el plan para reformar la fachada del edificio. Digo grosso modo porque todavía falta decidir el color, y ahí sí que no hay manera de ponerse de acuerdo.

El administrador insistió en que un técnico revisara los balcones in situ antes de pedir presupuestos, y tiene toda la razón. A priori parecía que solo había que pintar, pero en el tercero hay grietas que no pintan nada bien, nunca mejor dicho.

Mientras tanto, el statu quo es que cada uno hace lo que quiere con su balcón: uno tiene toldo verde, otro azul y el del cuarto ha puesto una bandera de su equipo de fútbol. Veremos cuánto dura.
""",
        "traps": [
            ("grosso modo", "latin"),
            ("in situ", "latin"),
            ("A priori", "latin"),
            ("statu quo", "latin"),
        ],
    },
    {
        "text": """
Este fin de semana estrené por fin la paellera que me regalaron por mi cumpleaños. Fui con cuidado: caldo casero, arroz bomba, judía verde, garrofó y conejo, como manda la tradición de mi suegra valenciana.

El secreto, según ella, es no tocar el arroz una vez echado y dejar que se haga el socarrat al final. Yo estaba tan nervioso que casi lo quemo, pero al final salió bastante digno. Mi suegra le dio un siete, y para ella eso es casi un sobresaliente.

Leave a Reply
This site uses Akismet to reduce spam. Learn how your comment data is processed.
""",
        "traps": [
            ("Leave a Reply", "chrome"),
            (
                "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
                "chrome",
            ),
        ],
    },
    {
        "text": """
Quillo, tengo que contaros lo que me pasó ayer en el taller. Llevo el coche porque hacía un ruido raro al frenar y el mecánico me dice que son las pastillas, que NO pasa nada, que en media hora está. Tres horas después seguía esperando.

Al final resulta que también estaba el disco fatal y me han cobrado casi el doble. Yo no digo que me hayan engañado, xq el disco se veía muy gastado, pero no me parece muuuy normal que te avisen cuando ya lo tienen todo desmontado.

¿Os ha pasado algo parecido? ¿Es normal que no llamen antes de cambiar una pieza? Tb os pregunto si conocéis algún taller de confianza por Triana.
""",
        "traps": [
            ("Quillo", "emphasis"),
            ("NO", "emphasis"),
            ("xq", "emphasis"),
            ("muuuy", "emphasis"),
            ("Tb", "emphasis"),
        ],
    },
    {
        "text": """
Mi padre era profesor de francés y en casa siempre sonaba la misma música los domingos por la mañana: Brel, Piaf, Aznavour. Durante años lo odié, y ahora soy yo quien pone esos discos mientras preparo el desayuno.

La canción que más me emociona es Ne me quitte pas. Mi padre la ponía una y otra vez la semana que murió mi abuela, y yo no entendía la letra, pero sí entendía que algo se estaba rompiendo. Hoy la escucho y lo veo a él, con la taza de café en la mano y la mirada perdida en la ventana.

Mi hija de seis años ya me pide La Vie en rose antes de ir al colegio. Supongo que así funcionan estas cosas.
""",
        "traps": [("Ne me quitte pas", "title"), ("La Vie en rose", "title")],
    },
    {
        "text": """
Ayer terminamos la ruta de cinco días por el Camino del Norte entre Irún y Bilbao. Acabé con dos ampollas y las piernas destrozadas, pero con la sensación de haber hecho algo grande. El paisaje entre Deba y Markina es de lo más bonito que he visto nunca.

Quiero dar las gracias a Miren y a Jon, que nos acogieron en su casa rural de Gernika cuando el albergue estaba completo y nos invitaron a cenar como si fuéramos de la familia.

Eskerrik asko!
""",
        "traps": [("Eskerrik asko!", "standalone_line")],
    },
    {
        "text": """
Hace un mes que volví de mi Erasmus en Oporto y todavía sueño con las francesinhas y los atardeceres sobre el Duero. Nunca pensé que una ciudad tan cercana a Galicia pudiera sentirse tan distinta.

Lo más difícil fue el idioma. Leer portugués es fácil para un hispanohablante, pero entenderlo hablado es otra historia. Los primeros días me limitaba a sonreír y asentir.

2 comentarios

Beatriz
Que bom ler isto! Sou do Porto e estudei um semestre em Salamanca, por isso percebo muito bem o que dizes sobre a língua. No início também achava que ia ser fácil, e afinal o espanhol falado rápido é outra coisa. Volta quando quiseres, a cidade fica à tua espera.
""",
        "traps": [
            ("francesinhas", "idiom"),
            (
                "Que bom ler isto! Sou do Porto e estudei um semestre em Salamanca, por isso percebo muito bem o que dizes sobre a língua. No início também achava que ia ser fácil, e afinal o espanhol falado rápido é outra coisa. Volta quando quiseres, a cidade fica à tua espera.",
                "foreign_comment",
            ),
        ],
    },
    {
        "text": """
Para celebrar nuestro décimo aniversario nos fuimos dos semanas a Japón. Empezamos en Tokio (東京), donde nos alojamos en un hotel cápsula la primera noche solo por la experiencia. No lo repetiría, pero me alegro de haberlo hecho.

Itadakimasu

Es lo que dicen los japoneses antes de comer, y lo aprendimos el primer día en un diminuto restaurante de ramen en Shibuya. El dueño nos lo enseñó con paciencia infinita, y a partir de entonces lo dijimos en cada comida, con más o menos acierto.

Terminamos el viaje en Nara (奈良), entre ciervos que hacen reverencias para pedirte galletas. Todavía no me creo que eso sea real.
""",
        "traps": [
            ("東京", "name_original_script"),
            ("Itadakimasu", "heading"),
            ("奈良", "name_original_script"),
        ],
    },
]
