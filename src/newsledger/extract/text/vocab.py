"""Words that mark page furniture in copied text, in several languages, kept as data.

Each table is a tuple of lower-case phrases; :func:`phrase_pattern` turns one into a compiled
alternation. The tables name kinds of furniture (a label, a button, an appeal), never a site.
"""

from __future__ import annotations

import re

# Lines that only label the line after them ("Category" / "Latest news").
SECTION_LABELS = (
    "category", "categories", "section", "topic", "topics", "filed to", "filed under", "posted in",
    "kategorie", "rubrik", "ressort", "catégorie", "rubrique", "categoría", "sección", "categoria",
    "sezione", "rubriek", "категория", "рубрика", "категорія", "рубрика", "kategoria", "dział",
)
AUTHOR_LABELS = (
    "author", "authors", "written by", "words by", "reporter", "reporters", "contributors",
    "autor", "autoren", "autorin", "auteur", "auteurs", "autores", "autora", "autore", "autori",
    "auteurs", "автор", "авторы", "автори", "autorzy",
)
TAG_LABELS = ("tags", "tagged", "keywords", "schlagwörter", "themen", "mots-clés", "etiquetas", "теги", "tagi")
OTHER_LABELS = ("share", "share this", "share this article", "share this story", "teilen", "partager", "compartir", "condividi", "поделиться")

# Words that start a byline ("By Jane Doe").
BYLINE_WORDS = ("by", "von", "par", "por", "di", "door", "av", "af", "przez", "от", "від", "written by", "reported by")

# Job titles that make a short line an author's role.
ROLE_WORDS = (
    "writer", "editor", "reporter", "correspondent", "columnist", "contributor", "journalist",
    "producer", "photographer", "analyst", "staff", "intern", "fellow", "critic", "author",
    "redakteur", "redakteurin", "korrespondent", "journaliste", "rédacteur", "rédactrice",
    "periodista", "redactor", "redactora", "corresponsal", "giornalista", "redattore",
    "журналист", "корреспондент", "редактор", "журналіст", "кореспондент", "dziennikarz",
)

# Alt text a copy keeps from images ("Photo of Jane Doe").
IMAGE_ALT_PREFIXES = (
    "photo of", "image of", "picture of", "portrait of", "headshot of", "avatar of", "photo:",
    "foto von", "bild von", "photo de", "image de", "foto de", "imagen de", "foto di",
    "фото", "зображення", "zdjęcie",
)

# Labels in front of a picture credit ("(Source: Getty Images)", "Photo: AP").
CREDIT_WORDS = (
    "source", "photo", "photos", "photograph", "image", "images", "picture", "credit", "photo credit",
    "image credit", "illustration", "foto", "fotos", "bild", "quelle", "crédit", "crédit photo",
    "fuente", "imagen", "fonte", "immagine", "фото", "источник", "джерело", "źródło", "zdjęcie",
)

# Appeals for money, memberships and buttons that lead to them.
DONATION_PHRASES = (
    "donate", "donation", "donations", "your support", "support us", "support our", "support independent",
    "contribute", "become a member", "become a supporter", "become a patron", "make a gift",
    "chip in", "support journalism", "support quality", "support the", "spenden", "unterstützen sie",
    "faire un don", "soutenez", "soutenir", "donar", "apóyanos", "dona ora", "sostienici",
    "пожертвуйте", "пожертвование", "поддержите", "підтримайте", "wesprzyj",
)
NEWSLETTER_PHRASES = (
    "newsletter", "sign up", "signup", "subscribe", "subscription", "in your inbox", "email address",
    "e-mail address", "your email", "daily briefing", "abonnieren", "abonnez", "suscríbete",
    "iscriviti", "подпишитесь", "підпишіться", "zapisz się",
)
COOKIE_PHRASES = (
    "cookie", "cookies", "consent", "privacy policy", "privacy settings", "we use cookies",
    "datenschutz", "confidentialité", "política de privacidad",
)
SHARE_WORDS = (
    "share", "tweet", "email", "e-mail", "facebook", "twitter", "linkedin", "whatsapp", "telegram",
    "pinterest", "reddit", "print", "copy link", "copy url", "messenger", "flipboard", "pocket",
    "x", "threads", "bluesky", "mail", "comment", "comments", "save", "bookmark", "teilen",
    "partager", "compartir",
)
NAVIGATION_PHRASES = (
    "see all", "see more", "view all", "show all", "show more", "load more", "read more", "more",
    "next", "previous", "prev", "back to top", "home", "menu", "open menu", "close", "search",
    "skip to content", "skip to main content", "main menu", "log in", "login", "sign in",
    "register", "my account", "all news", "latest news", "top stories", "mehr", "weiterlesen",
    "alle anzeigen", "voir tout", "voir plus", "lire la suite", "ver todo", "ver más", "leer más",
    "mostra tutto", "altro", "все", "ещё", "читать далее", "більше", "wszystkie", "więcej",
)
RELATED_PHRASES = (
    "related", "related articles", "related stories", "related posts", "related content",
    "recommended", "recommended stories", "recommended for you", "you may also like",
    "you might also like", "more from", "more stories", "more on this", "read also", "read next",
    "also read", "most read", "most popular", "popular", "trending", "top stories", "editor's picks",
    "lesen sie auch", "mehr zum thema", "à lire aussi", "lire aussi", "te puede interesar",
    "leggi anche", "читайте также", "читайте також", "czytaj także",
)
AD_PHRASES = ("advertisement", "advertising", "sponsored", "ad", "anzeige", "publicité", "publicidad", "pubblicità", "реклама", "reklama")
COMMENT_PHRASES = (
    "comments", "comment", "leave a comment", "leave a reply", "add a comment", "reply", "join the conversation",
    "show comments", "kommentare", "commentaires", "comentarios", "commenti", "комментарии", "коментарі",
)
FOOTER_PHRASES = (
    "all rights reserved", "terms of use", "terms of service", "terms and conditions", "contact us",
    "about us", "imprint", "impressum", "mentions légales", "aviso legal", "privacy", "accessibility",
    "sitemap", "site map", "careers", "advertise", "alle rechte vorbehalten", "tous droits réservés",
    "todos los derechos reservados", "все права защищены", "усі права захищені",
)
PAYWALL_PHRASES = (
    "subscribers only", "for subscribers", "already a subscriber", "to continue reading",
    "to read the full", "unlock this article", "start your free trial", "free trial",
)

# Read times as pages print them: "2 min read", "Lesezeit: 4 Minuten", "5 min de lecture".
READ_TIME = re.compile(
    r"^(?:(?:reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|"
    r"tempo di lettura|время чтения|час читання)\s*[:：]?\s*)?"
    r"(?:(?:approx\.?|about|ca\.?|~)\s*)?(\d{1,3})\s*"
    r"(?:-|–)?\s*(?:min(?:ute)?s?|minuten|minutos|minuti|мин(?:ут[аы]?)?|хв(?:илин[иа]?)?)\.?\s*"
    r"(?:read|reading|read time|de lecture|de lectura|di lettura|lesen|lesezeit|чтения|читання)?\.?$",
    re.I,
)
