¼
"serveP
2
xPlaceholder*
dtype0*
shape
:

yRelux*
T0"Ú*_
serving_defaultL

x
x:0
y
y:0tensorflow/serving/predict