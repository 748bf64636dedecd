public = "public"
_hidden = "hidden"
